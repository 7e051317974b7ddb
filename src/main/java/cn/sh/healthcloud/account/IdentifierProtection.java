package cn.sh.healthcloud.account;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals identifiers for storage (AES-256-GCM, a fresh 96-bit nonce each time, the key id kept
 * beside the ciphertext for rotation) and computes their lookup hash (HMAC-SHA256), so that a
 * kiosk reading carrying a card number finds its account with one indexed equality.
 *
 * <p>The associated data binds a ciphertext to its account and kind: a sealed number copied into
 * another row, or into another column, fails to open instead of being read as someone else's.
 */
@Startup // a misconfigured key set stops the service at start-up, not at a resident's first link
@ApplicationScoped
public class IdentifierProtection {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecretKey lookupKey;
    private final SecureRandom random = new SecureRandom();

    IdentifierProtection(AccountConfig config) {
        config.encryptionKeys().forEach((id, base64) -> keys.put(id, aesKey(id, base64)));
        if (!keys.containsKey(config.activeKeyId())) {
            throw new IllegalStateException("healthcloud.account.active-key-id names no configured encryption key");
        }
        this.activeKeyId = config.activeKeyId();
        byte[] lookup = Base64.getDecoder().decode(config.lookupKey());
        if (lookup.length < 32) {
            throw new IllegalStateException("healthcloud.account.lookup-key must be at least 32 bytes");
        }
        this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
    }

    /** A sealed identifier: which key sealed it, and nonce followed by ciphertext and tag. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    public Sealed seal(IdentifierKind kind, String owner, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(kind, owner));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(activeKeyId, ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String open(IdentifierKind kind, String owner, Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("No encryption key with id " + sealed.keyId() + " is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(kind, owner));
            byte[] plain = cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed identifier failed to open (tampered, or sealed for another owner)");
        }
    }

    /** Equal identifiers of one kind hash equally; the kind is part of the input, so kinds never collide. */
    public byte[] lookupHash(IdentifierKind kind, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update(kind.id().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] associatedData(IdentifierKind kind, String owner) {
        return (kind.id() + "\u0000" + owner).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("Encryption key " + id + " must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
