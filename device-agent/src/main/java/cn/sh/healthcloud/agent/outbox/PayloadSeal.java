package cn.sh.healthcloud.agent.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals outbox payloads with AES-256-GCM, so readings (which carry the resident's ID number) never
 * reach the disk in clear: a copied outbox file, a backup or SQLite's free pages show nothing
 * without the key. The topic is bound in as associated data, so a row cannot be moved to another
 * topic unnoticed. The key is a 32-byte file created once, readable by the agent's user only;
 * it protects as well as the place it is kept (e.g. a separate volume), no better.
 */
public final class PayloadSeal {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private PayloadSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key in {@code keyFile}, created (owner read/write only) when the file does not exist. */
    public static PayloadSeal fromKeyFile(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            createKey(keyFile);
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new IOException("outbox key " + keyFile + " must hold exactly " + KEY_BYTES + " bytes");
        }
        return new PayloadSeal(key);
    }

    private static void createKey(Path keyFile) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path folder = keyFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            OwnerOnlyFiles.folder(folder);
        }
        Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        OwnerOnlyFiles.createFile(temporary);
        Files.write(temporary, key);
        try {
            Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(temporary);
        }
    }

    byte[] seal(String topic, byte[] payload) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(topic.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(payload.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            cipher.doFinal(payload, 0, payload.length, sealed, NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    byte[] open(String topic, byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(topic.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
