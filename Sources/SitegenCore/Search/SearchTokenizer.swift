/// Receives terms from `SearchTokenizer` (a protocol rather than a closure, so the hot loop
/// mutates its state without dynamic exclusivity checks).
protocol SearchTermSink {
    /// Takes the UTF-8 bytes of one term.
    mutating func take(_ term: UnsafeBufferPointer<UInt8>)
}

/// Splits text into search terms as the theme's JavaScript does (`text.toLowerCase()` split on
/// `/[^\p{L}\p{N}_]+/u`), working on UTF-8 bytes with an ASCII fast path. Final sigma is
/// folded to σ, which the split-index client does too (JavaScript lower-cases it by context).
enum SearchTokenizer {
    /// Gives `sink` the UTF-8 bytes of each term of `text`, in order (repeats included).
    static func forEachTerm<Sink: SearchTermSink>(in text: String, into sink: inout Sink) {
        var copy = text
        copy.withUTF8 { forEachTerm(utf8: $0, into: &sink) }
    }

    /// Gives `sink` each term of the UTF-8 text in `bytes`, as `forEachTerm(in:into:)` does.
    ///
    /// Bytes are classed by a table: separators are skipped and word bytes extend a run without
    /// a branch per character class; only non-ASCII bytes are decoded.
    static func forEachTerm<Sink: SearchTermSink>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink
    ) {
        guard let base = bytes.baseAddress else { return }
        let classes = byteClasses
        var lowered = LoweredRun()
        let count = bytes.count
        var index = 0
        while index < count {
            var byteClass = classes[Int(base[index])]
            if byteClass == ByteClass.separator {
                index &+= 1
                continue
            }
            let start = index
            var upper = false
            var nonASCII = false
            if byteClass == ByteClass.nonASCII {
                let (scalar, size) = decode(bytes, at: index)
                index &+= size
                guard let scalar, isWord(scalar) else { continue }
                nonASCII = true
            } else {
                upper = byteClass == ByteClass.upper
                index &+= 1
            }
            while index < count {
                byteClass = classes[Int(base[index])]
                if byteClass == ByteClass.lower {
                    index &+= 1
                } else if byteClass == ByteClass.upper {
                    upper = true
                    index &+= 1
                } else if byteClass == ByteClass.separator {
                    break
                } else {
                    let (scalar, size) = decode(bytes, at: index)
                    guard let scalar, isWord(scalar) else { break }
                    nonASCII = true
                    index &+= size
                }
            }
            let run = UnsafeBufferPointer(start: base + start, count: index &- start)
            if nonASCII {
                for term in splitLowercased(String(decoding: run, as: UTF8.self).lowercased()) {
                    var copy = term
                    copy.withUTF8 { sink.take($0) }
                }
            } else if upper {
                lowered.take(run, into: &sink)
            } else {
                sink.take(run)
            }
        }
    }

    /// What `byteClasses` says of a byte.
    private enum ByteClass {
        /// Not part of a term: ASCII other than letters, digits and `_`.
        static let separator: UInt8 = 0
        /// An ASCII lower-case letter, digit or `_`.
        static let lower: UInt8 = 1
        /// An ASCII upper-case letter.
        static let upper: UInt8 = 2
        /// A byte of a multi-byte UTF-8 sequence, whose scalar must be decoded.
        static let nonASCII: UInt8 = 3
    }

    /// Each byte's class, indexed by the byte; allocated once and never freed, so the hot loop
    /// reads it through a plain pointer.
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39, 0x5F: table[byte] = ByteClass.lower
            case 0x41...0x5A: table[byte] = ByteClass.upper
            case 0x80...: table[byte] = ByteClass.nonASCII
            default: table[byte] = ByteClass.separator
            }
        }
        return UnsafePointer(table)
    }()

    /// A buffer an ASCII run with upper-case letters is lower-cased into, reused run to run.
    private struct LoweredRun {
        var buffer: [UInt8] = Array(repeating: 0, count: 64)

        /// Gives `sink` the lower-cased bytes of `run`.
        mutating func take<Sink: SearchTermSink>(
            _ run: UnsafeBufferPointer<UInt8>, into sink: inout Sink
        ) {
            if buffer.count < run.count { buffer = Array(repeating: 0, count: run.count) }
            buffer.withUnsafeMutableBufferPointer { buffer in
                for offset in run.indices {
                    let byte = run[offset]
                    buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                sink.take(UnsafeBufferPointer(rebasing: buffer[..<run.count]))
            }
        }
    }

    /// The terms of `text`, as strings.
    static func terms(in text: String) -> [String] {
        var collector = Collector()
        forEachTerm(in: text, into: &collector)
        return collector.terms
    }

    /// Collects terms as strings.
    private struct Collector: SearchTermSink {
        var terms: [String] = []
        mutating func take(_ term: UnsafeBufferPointer<UInt8>) {
            terms.append(String(decoding: term, as: UTF8.self))
        }
    }

    /// Whether a scalar is a letter, a number or `_` (`[\p{L}\p{N}_]`).
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return value &- 0x61 < 26 || value &- 0x41 < 26 || value &- 0x30 < 10 || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Splits already lower-cased text on non-word scalars (lower-casing can add some, such as
    /// the combining dot of `İ`), folding ς to σ.
    private static func splitLowercased(_ text: String) -> [String] {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWord(scalar) {
                current.append(scalar == "\u{03C2}" ? "\u{03C3}" : scalar)
            } else if !current.isEmpty {
                terms.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(String(current)) }
        return terms
    }

    /// Decodes the scalar starting at a non-ASCII lead byte; nil for a malformed sequence.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
        Unicode.Scalar?, Int
    ) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (nil, 1) }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
