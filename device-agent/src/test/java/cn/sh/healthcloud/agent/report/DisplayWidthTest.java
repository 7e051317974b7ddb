package cn.sh.healthcloud.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void chineseAndFullWidthCharactersTakeTwoColumns() {
        assertEquals(4, DisplayWidth.of("血压"));
        assertEquals(2, DisplayWidth.of("，"));
        assertEquals(2, DisplayWidth.of("（"));
        assertEquals(6, DisplayWidth.of("148/92"));
        assertEquals(13, DisplayWidth.of("收缩压148mmHg"));
    }

    @Test
    void wrapsChineseTextByColumnsNotCharacters() {
        List<String> lines = DisplayWidth.wrap("", "您的血压处于1级高血压范围，请到社区卫生服务中心复测。", 16);
        lines.forEach(line -> assertTrue(DisplayWidth.of(line) <= 16, line));
        assertEquals("您的血压处于1级", lines.get(0), "15 columns; the next character would make 17");
        assertEquals("您的血压处于1级高血压范围，请到社区卫生服务中心复测。", String.join("", lines));
    }

    @Test
    void keepsNumbersAndWordsWholeAndIndentsUnderThePrefix() {
        List<String> lines = DisplayWidth.wrap("· ", "血压偏高 148/92 mmHg，请复测", 12);
        assertEquals(List.of("· 血压偏高", "  148/92", "  mmHg，请复", "  测"), lines);
        lines.forEach(line -> assertTrue(DisplayWidth.of(line) <= 12, line));
    }

    @Test
    void breaksAWordLongerThanALine() {
        assertEquals(List.of("abcdefgh", "ij"), DisplayWidth.wrap("", "abcdefghij", 8));
    }
}
