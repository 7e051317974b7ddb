package cn.sh.healthcloud.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoOffsetDateTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T09:41:07+08:00", "2026-11-22T01:41:07Z", "2026-11-22T09:41:07.5+08:00",
            "2026-11-22T09:41:07.123456789-05:30", "2024-02-29T23:59:59+14:00", "2000-01-01T00:00:00-18:00",
            "2026-11-22T09:41+08:00", "2026-11-22T09:41:07+08", "2026-11-22T09:41:07+0800", "+12026-11-22T09:41:07Z",
            "2026-11-22T09:41:07.000+08:00", "2026-11-22T09:41:07,5+08:00", "2026-11-22T09:41:07.+08:00",
            "2026-11-22T09:41:07z"})
    void readsWhatJavaTimeReadsTheSame(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoOffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        OffsetDateTime actual = IsoOffsetDateTime.parse(text);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getOffset()).isEqualTo(expected.getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:41:07+08:00", "2026-11-22T24:00:00+08:00", "2026-13-01T00:00:00Z",
            "2026-11-22T09:41:60+08:00", "2026-11-22T09:41:07+19:00", "2026-11-22T09:41:07", "2026-11-22 09:41:07+08:00",
            "2026-11-22T09:41:07.1234567891+08:00", "2026-1a-22T09:41:07+08:00",
            "2026-11-22T09:41:07+08:00 ", "2026-11-22T09:41:07+08:0x", ""})
    void refusesWhatJavaTimeRefuses(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoOffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
