package cn.sh.healthcloud.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sh.healthcloud.directory.ShanghaiDistrict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** The worked example printed in GB 11643-1999 itself. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    /** A Shanghai (Yangpu, 310110) number with a correct check character, built by the rule. */
    static String shanghaiNumber(String birth, String sequence) {
        String first17 = "310110" + birth + sequence;
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    @Test
    void theStandardsExampleIsValidFemaleBornOnNewYearsEve1949() throws Exception {
        NationalIdNumber id = NationalIdNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(NationalIdNumber.Sex.FEMALE);
        assertThat(id.issuingDistrict()).isEmpty();
    }

    @Test
    void theStandardsSecondExampleHasCheckDigitFour() {
        // 440524 18800101 001 4, also from the standard: right check digit, but born before 1900.
        assertThat(NationalIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThatThrownBy(() -> NationalIdNumber.parse("440524188001010014", TODAY))
                .hasMessage("does not contain a plausible birth date");
    }

    @Test
    void anOddSequenceIsMaleAndShanghaiCodesNameTheDistrict() throws Exception {
        NationalIdNumber id = NationalIdNumber.parse(shanghaiNumber("19580317", "123"), TODAY);

        assertThat(id.sex()).isEqualTo(NationalIdNumber.Sex.MALE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1958, 3, 17));
        assertThat(id.issuingDistrict()).contains(ShanghaiDistrict.YANGPU);
    }

    @Test
    void spacesAndALowerCaseXAreAccepted() throws Exception {
        assertThat(NationalIdNumber.parse("110105 19491231 002x", TODAY).value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void maskingKeepsFourAtEachEndAndToStringNeverShowsTheNumber() throws Exception {
        NationalIdNumber id = NationalIdNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThat(id.masked()).isEqualTo("1101**********002X");
        assertThat(id.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
    }

    @Test
    void rejectsWrongLengthCharactersDatesAndCheckDigits() {
        assertInvalid("11010519491231002", "must have 18 characters");
        assertInvalid("11010519491231002XX", "must have 18 characters");
        assertInvalid("1101051949123100AX", "must be 17 digits followed by a digit or X");
        assertInvalid("11010519491231002Y", "must be 17 digits followed by a digit or X");
        assertInvalid("01010519491231002X", "does not start with a valid region code");
        assertInvalid(shanghaiNumber("19490231", "002"), "does not contain a valid birth date");
        assertInvalid(shanghaiNumber("20261123", "002"), "does not contain a plausible birth date");
        assertInvalid("110105194912310021", "has a wrong check digit (typed wrongly?)");
        assertInvalid("１１0105194912310021", "must be 17 digits followed by a digit or X");
        assertInvalid(null, "is missing");
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String valid = shanghaiNumber("19580317", "123");
        for (int position = 0; position < 17; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(NationalIdNumber.checkCharacter(typo)).as(typo).isNotEqualTo(valid.charAt(17));
            }
        }
    }

    private static void assertInvalid(String text, String reason) {
        assertThatThrownBy(() -> NationalIdNumber.parse(text, TODAY))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage(reason);
    }
}
