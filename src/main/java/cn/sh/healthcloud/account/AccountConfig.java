package cn.sh.healthcloud.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "healthcloud.account")
public interface AccountConfig {

    /**
     * Data-encryption keys for identifiers at rest, by key id: base64 of 32 random bytes (AES-256).
     * Old keys stay listed so that rows sealed with them can still be read after a rotation.
     * From a secret (HEALTHCLOUD_ACCOUNT_ENCRYPTION_KEYS_&lt;ID&gt;), never from a committed file in production.
     */
    Map<String, String> encryptionKeys();

    /** The key id that new identifiers are sealed with. */
    String activeKeyId();

    /**
     * Key of the keyed hash (HMAC-SHA256) that finds an account by identifier without decrypting
     * every row: base64 of 32 random bytes. Changing it means re-hashing every stored identifier.
     */
    String lookupKey();

    /**
     * Development only: give the dev realm's doctor1 two signed residents with 90 days of readings
     * (see DemoAccounts), once, at start-up.
     */
    @WithDefault("false")
    boolean demoSeed();

    /** Health points (健康积分) awarded for self-monitoring. */
    Points points();

    interface Points {
        /** For each Asia/Shanghai day with at least one home measurement. */
        @WithDefault("1")
        int homeMeasurementDay();

        /** For a calendar week (Monday to Sunday) with a home blood-pressure reading every day. */
        @WithDefault("10")
        int homeBloodPressureWeek();

        /** For a check-up at a smart health kiosk (awarded by kiosk ingestion). */
        @WithDefault("5")
        int kioskCheckUp();
    }
}
