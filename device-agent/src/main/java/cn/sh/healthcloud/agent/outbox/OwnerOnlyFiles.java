package cn.sh.healthcloud.agent.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and folders only the agent's user can read, where the file system has POSIX permissions. */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Creates the folder if needed and closes it to everyone but the owner. */
    static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the folder's ACL is the installer's to set.
        }
    }
}
