package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.IdentifierKind;
import cn.sh.healthcloud.account.NationalIdNumber;
import java.time.LocalDate;

/**
 * The card a resident swiped: its kind, the normalised number (only ever hashed, sealed or masked;
 * never logged, never stored in clear) and what an ID card number says about its holder.
 */
record CardSubject(IdentifierKind kind, String number, String masked, NationalIdNumber.Sex sex, LocalDate birthDate) {

    @Override
    public String toString() {
        return kind.id() + " " + masked;
    }
}
