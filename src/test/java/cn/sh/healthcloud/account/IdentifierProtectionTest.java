package cn.sh.healthcloud.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierProtectionTest {

    private static final String KEY_1 = key(1);
    private static final String KEY_2 = key(2);
    private static final String LOOKUP = key(3);
    private static final String NUMBER = "11010519491231002X";

    @Test
    void sealedNumbersOpenForTheirOwnerAndNeverContainThePlaintext() {
        IdentifierProtection protection = protection("k1", Map.of("k1", KEY_1));

        IdentifierProtection.Sealed sealed = protection.seal(IdentifierKind.RESIDENT_ID_CARD, "owner-a", NUMBER);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER);
        assertThat(protection.open(IdentifierKind.RESIDENT_ID_CARD, "owner-a", sealed)).isEqualTo(NUMBER);
    }

    @Test
    void eachSealUsesAFreshNonce() {
        IdentifierProtection protection = protection("k1", Map.of("k1", KEY_1));

        assertThat(protection.seal(IdentifierKind.RESIDENT_ID_CARD, "a", NUMBER).bytes())
                .isNotEqualTo(protection.seal(IdentifierKind.RESIDENT_ID_CARD, "a", NUMBER).bytes());
    }

    @Test
    void aSealedNumberMovedToAnotherOwnerOrKindDoesNotOpen() {
        IdentifierProtection protection = protection("k1", Map.of("k1", KEY_1));
        IdentifierProtection.Sealed sealed = protection.seal(IdentifierKind.RESIDENT_ID_CARD, "owner-a", NUMBER);

        assertThatThrownBy(() -> protection.open(IdentifierKind.RESIDENT_ID_CARD, "owner-b", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(NUMBER);
        assertThatThrownBy(() -> protection.open(IdentifierKind.MEDICAL_INSURANCE_CARD, "owner-a", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldRowsStillOpenAndNewOnesUseTheNewKey() {
        IdentifierProtection before = protection("k1", Map.of("k1", KEY_1));
        IdentifierProtection.Sealed old = before.seal(IdentifierKind.RESIDENT_ID_CARD, "a", NUMBER);
        IdentifierProtection after = protection("k2", Map.of("k1", KEY_1, "k2", KEY_2));

        assertThat(after.open(IdentifierKind.RESIDENT_ID_CARD, "a", old)).isEqualTo(NUMBER);
        assertThat(after.seal(IdentifierKind.RESIDENT_ID_CARD, "a", NUMBER).keyId()).isEqualTo("k2");
        IdentifierProtection withoutOldKey = protection("k2", Map.of("k2", KEY_2));
        assertThatThrownBy(() -> withoutOldKey.open(IdentifierKind.RESIDENT_ID_CARD, "a", old))
                .hasMessageContaining("No encryption key with id k1");
    }

    @Test
    void lookupHashesAreStableAcrossKeysAndSeparateKinds() {
        IdentifierProtection one = protection("k1", Map.of("k1", KEY_1));
        IdentifierProtection two = protection("k2", Map.of("k2", KEY_2));

        assertThat(one.lookupHash(IdentifierKind.RESIDENT_ID_CARD, NUMBER))
                .isEqualTo(two.lookupHash(IdentifierKind.RESIDENT_ID_CARD, NUMBER))
                .isNotEqualTo(one.lookupHash(IdentifierKind.MEDICAL_INSURANCE_CARD, NUMBER))
                .hasSize(32);
    }

    @Test
    void refusesMisconfiguredKeys() {
        assertThatThrownBy(() -> protection("missing", Map.of("k1", KEY_1))).hasMessageContaining("active-key-id");
        assertThatThrownBy(() -> protection("short", Map.of("short", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }

    private static IdentifierProtection protection(String active, Map<String, String> keys) {
        return new IdentifierProtection(new AccountConfig() {
            @Override
            public Map<String, String> encryptionKeys() {
                return keys;
            }

            @Override
            public String activeKeyId() {
                return active;
            }

            @Override
            public String lookupKey() {
                return LOOKUP;
            }

            @Override
            public boolean demoSeed() {
                return false;
            }

            @Override
            public Points points() {
                return null;
            }
        });
    }

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
