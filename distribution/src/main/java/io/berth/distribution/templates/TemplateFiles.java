package io.berth.distribution.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a template file so that readers never see a part of it: the text goes to a temporary
 * file in the same folder, which then replaces the target in one rename.
 */
public final class TemplateFiles {

    private TemplateFiles() {
    }

    /**
     * Writes the text to the file, replacing any file there.
     *
     * @throws IOException when the folder is missing or not writable, when the target is a
     *                     folder, or when the file system cannot rename atomically. No file is
     *                     left behind in any of these cases.
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a folder");
        }
        Path temporary = createTemporary(folder, absolute.getFileName().toString());
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + folder + " cannot replace files atomically", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates the temporary file readable by everyone, as a new file would be under the usual
     * umask, rather than with the owner-only permissions of a default temporary file, because
     * the template is meant for review and contains no secret.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        String prefix = "." + name + ".";
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            return Files.createTempFile(folder, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        }
        return Files.createTempFile(folder, prefix, ".tmp");
    }
}
