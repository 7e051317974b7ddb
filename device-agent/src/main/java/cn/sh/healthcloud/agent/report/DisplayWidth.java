package cn.sh.healthcloud.agent.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns text takes on a receipt printer: Chinese characters and full-width forms are printed
 * double width (Unicode East Asian Width W and F), everything else single. Wrapping counts columns,
 * not characters, keeps Latin words and numbers (e.g. "148/92") whole where they fit on a line,
 * and indents continuation lines under the first line's text.
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    static int of(int codePoint) {
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0)) {
            return 0;
        }
        return wide(codePoint) ? 2 : 1;
    }

    static int of(String text) {
        return text.codePoints().map(DisplayWidth::of).sum();
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) // Hangul Jamo
                || (c >= 0x2E80 && c <= 0x303E) // CJK radicals, punctuation 。，「」
                || (c >= 0x3041 && c <= 0x33FF) // kana, bopomofo, CJK compatibility
                || (c >= 0x3400 && c <= 0x4DBF) // CJK extension A
                || (c >= 0x4E00 && c <= 0x9FFF) // CJK unified ideographs
                || (c >= 0xA000 && c <= 0xA4CF) // Yi
                || (c >= 0xAC00 && c <= 0xD7A3) // Hangul syllables
                || (c >= 0xF900 && c <= 0xFAFF) // CJK compatibility ideographs
                || (c >= 0xFE30 && c <= 0xFE4F) // CJK compatibility forms
                || (c >= 0xFF00 && c <= 0xFF60) // full-width forms ：（），
                || (c >= 0xFFE0 && c <= 0xFFE6) // full-width signs ￥
                || (c >= 0x20000 && c <= 0x3FFFD); // CJK extensions B and later
    }

    /** {@code prefix} + {@code text} in lines of at most {@code columns}, continuation lines indented by the prefix's width. */
    static List<String> wrap(String prefix, String text, int columns) {
        String indent = " ".repeat(of(prefix));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(prefix);
        int width = of(prefix);
        for (String unit : units(text)) {
            int unitWidth = of(unit);
            if (unit.equals(" ")) {
                if (width + 1 <= columns && width > of(indent)) {
                    line.append(' ');
                    width++;
                }
                continue;
            }
            if (width + unitWidth > columns && width > of(indent)) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(indent);
                width = of(indent);
            }
            for (int cp : unit.codePoints().toArray()) {
                if (width + of(cp) > columns) {
                    // A word longer than a whole line: break it where it reaches the edge.
                    lines.add(line.toString().stripTrailing());
                    line = new StringBuilder(indent);
                    width = of(indent);
                }
                line.appendCodePoint(cp);
                width += of(cp);
            }
        }
        if (width > of(indent) || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Splits text into what must stay together: runs of narrow non-space characters, single spaces, single wide characters. */
    private static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (cp == ' ' || cp == '\n' || wide(cp)) {
                if (!word.isEmpty()) {
                    units.add(word.toString());
                    word.setLength(0);
                }
                units.add(cp == '\n' ? " " : Character.toString(cp));
            } else if (of(cp) > 0) {
                word.appendCodePoint(cp);
            }
        }
        if (!word.isEmpty()) {
            units.add(word.toString());
        }
        return units;
    }
}
