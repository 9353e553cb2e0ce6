/// Highlights SQL: keywords, types and constants (any case), `'…'` strings, PostgreSQL `$tag$` strings,
/// `--` and `/* */` comments, numbers, and `$1` parameters; quoted identifiers stay plain.
struct SQLLexer {
    /// Keywords, matched ignoring case.
    static let keywords = WordSet(
        """
        add all alter analyze and any as asc begin between buffers by cascade case cast check collate column
        commit concurrently conflict constraint create cross database default deferrable deferred delete desc
        distinct do drop else end except exists explain extension filter first for foreign from full function
        generated grant group having identity if ilike immediate in index initially inner insert intersect into
        is join key language last lateral left like limit materialized natural not nothing nowait nulls of
        offset on only or order outer over partition primary procedure recursive references refresh rename
        replace restrict returning returns revoke right rollback schema select sequence set share similar skip
        locked table temp temporary then to transaction trigger truncate union unique update using vacuum values
        verbose view when where window with always
        """, ignoringCase: true)
    /// Types and constants, matched ignoring case.
    static let types = WordSet(
        """
        null true false unknown int integer bigint smallint serial bigserial smallserial text varchar char
        character varying numeric decimal real double precision float boolean bool date time timestamp
        timestamptz interval uuid json jsonb bytea inet cidr money xml tsvector array zone
        """, ignoringCase: true)

    /// Lexes `s.pos..<s.end`.
    func lex(_ s: inout ByteScanner) {
        while !s.isAtEnd {
            let b = s.peek()
            let start = s.pos
            if b == UInt8(ascii: "-") && s.peek(1) == UInt8(ascii: "-") {
                s.lineComment()
            } else if b == UInt8(ascii: "/") && s.peek(1) == UInt8(ascii: "*") {
                s.pos += 2
                s.skip(past: "*/")
                s.mark(.comment, from: start)
            } else if b == UInt8(ascii: "'") {
                s.skipQuoted(escapes: false, multiline: true)
                while s.peek() == UInt8(ascii: "'") {
                    s.skipQuoted(escapes: false, multiline: true)
                }
                s.mark(.string, from: start)
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "`") {
                s.skipQuoted(escapes: false, multiline: false)
            } else if b == UInt8(ascii: "$") {
                dollar(&s)
            } else if b.isDigit || (b == UInt8(ascii: ".") && s.peek(1).isDigit) {
                s.skipNumber()
                s.mark(.number, from: start)
            } else if b.isIdentStart {
                s.skipIdentifier()
                if start > 0 && s.bytes[start - 1] == UInt8(ascii: ".") { continue }
                if s.text(start, s.pos, in: Self.keywords) {
                    s.mark(.keyword, from: start)
                } else if s.text(start, s.pos, in: Self.types) {
                    s.mark(.builtin, from: start)
                }
            } else {
                s.pos += 1
            }
        }
    }

    /// Lexes a `$` at `s.pos`: a dollar-quoted string (`$$…$$`, `$body$…$body$`, tags up to 32 bytes),
    /// a `$1` parameter, or a plain `$`.
    private func dollar(_ s: inout ByteScanner) {
        let start = s.pos
        var tagEnd = start + 1
        while tagEnd < s.end && tagEnd - start <= 32
            && (s.bytes[tagEnd].isLetter || s.bytes[tagEnd] == UInt8(ascii: "_")
                || (tagEnd > start + 1 && s.bytes[tagEnd].isDigit))
        {
            tagEnd += 1
        }
        if tagEnd < s.end && s.bytes[tagEnd] == UInt8(ascii: "$") {
            let tag = s.bytes[start...tagEnd]
            s.pos = tagEnd + 1
            while !s.isAtEnd {
                if s.peek() == UInt8(ascii: "$") && s.end - s.pos >= tag.count
                    && s.bytes[s.pos..<(s.pos + tag.count)].elementsEqual(tag)
                {
                    s.pos += tag.count
                    break
                }
                s.pos += 1
            }
            s.mark(.string, from: start)
        } else if s.peek(1).isDigit {
            s.pos += 1
            while s.peek().isDigit { s.pos += 1 }
            s.mark(.variable, from: start)
        } else {
            s.pos += 1
        }
    }
}
