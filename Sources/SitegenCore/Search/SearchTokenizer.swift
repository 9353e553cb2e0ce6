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
    static func forEachTerm<Sink: SearchTermSink>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink
    ) {
        do {
            guard let base = bytes.baseAddress else { return }
            var scratch: [UInt8] = []
            var index = 0
            var start = -1
            var nonASCII = false
            var upper = false
            let count = bytes.count
            while index <= count {
                var isWord = false
                var length = 1
                if index < count {
                    let byte = base[index]
                    if byte < 0x80 {
                        if byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x5F {
                            isWord = true
                        } else if byte &- 0x41 < 26 {
                            isWord = true
                            upper = true
                        }
                    } else {
                        let (scalar, size) = decode(bytes, at: index)
                        length = size
                        if let scalar, Self.isWord(scalar) {
                            isWord = true
                            nonASCII = true
                        }
                    }
                }
                if isWord {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    emit(
                        UnsafeBufferPointer(rebasing: bytes[start..<index]), nonASCII: nonASCII,
                        upper: upper, scratch: &scratch, into: &sink)
                    start = -1
                    nonASCII = false
                    upper = false
                } else {
                    upper = false
                }
                index += length
            }
        }
    }

    /// Calls `body` with the lower-cased term(s) of one run of word characters.
    private static func emit<Sink: SearchTermSink>(
        _ run: UnsafeBufferPointer<UInt8>, nonASCII: Bool, upper: Bool, scratch: inout [UInt8],
        into sink: inout Sink
    ) {
        if nonASCII {
            for term in splitLowercased(String(decoding: run, as: UTF8.self).lowercased()) {
                var copy = term
                copy.withUTF8 { sink.take($0) }
            }
        } else if upper {
            scratch.removeAll(keepingCapacity: true)
            for byte in run { scratch.append(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
            scratch.withUnsafeBufferPointer { sink.take($0) }
        } else {
            sink.take(run)
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
