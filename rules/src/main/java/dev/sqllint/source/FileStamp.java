package dev.sqllint.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of a file without reading it, as git's index keeps it: size, modification and change
 * times, inode. Any write changes the change time (no tool can set it back, unlike the modification time, which
 * {@code touch -d}, {@code tar} and {@code rsync -t} restore), so an equal stamp means the same content, provided
 * the content was read after the stamp's times had passed by more than the file system's time granularity
 * ({@link #settledBefore}): a write in the same tick as an earlier one may leave both times as they were.
 * Only where the file system reports a change time (the {@code unix} view: Linux, macOS); elsewhere there is no
 * stamp and files are read.
 */
public record FileStamp(long size, long modifiedNanos, long changedNanos, long inode) {

    /** Covers the coarsest time granularity in use (FAT's two seconds; HFS+ and ext3 have one). */
    static final long GRANULARITY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** The file's stamp, or null when the file system has no change times or the file cannot be read. */
    public static FileStamp of(Path file) {
        if (!UNIX) return null;
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return new FileStamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
                    (Long) a.get("ino"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether both times had passed by more than the granularity at {@code readAtMillis}, when the content was
     * read: then any later write shows in the stamp.
     */
    public boolean settledBefore(long readAtMillis) {
        long readAt = TimeUnit.MILLISECONDS.toNanos(readAtMillis);
        return modifiedNanos < readAt - GRANULARITY_NANOS && changedNanos < readAt - GRANULARITY_NANOS;
    }

    /**
     * Whether this stamp, kept with content read at {@code readAtMillis}, proves that a file stamped {@code now} still
     * has that content: the same stamp, settled when it was read.
     */
    public boolean proves(FileStamp now, long readAtMillis) {
        // spelt out: a record's equals goes through a method handle chain, slow until compiled (every file, once)
        boolean same = now != null && size == now.size && modifiedNanos == now.modifiedNanos
                && changedNanos == now.changedNanos && inode == now.inode;
        return same && settledBefore(readAtMillis);
    }

    private static long nanos(Object time) {
        FileTime t = (FileTime) time;
        return t.to(TimeUnit.NANOSECONDS);
    }
}
