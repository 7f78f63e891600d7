package io.careroute.data.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The .csv entries of an uploaded zip. Names are read as UTF-8 and, when they are not valid UTF-8, as GBK: the zip
 * a Chinese Windows makes of a folder ("发送到 → 压缩文件夹") writes 送餐.csv in GBK without saying so. The
 * unpacked size is bounded, so a small zip cannot unpack into gigabytes.
 */
final class CsvZip {

    /** Unpacked bytes of all .csv entries together: far above any street's or district's day. */
    static final long MAX_UNPACKED_BYTES = 64L << 20;

    record Entry(String name, byte[] bytes) {
    }

    static final class TooLargeException extends IOException {
        long limitMegabytes() {
            return MAX_UNPACKED_BYTES >> 20;
        }
    }

    private CsvZip() {
    }

    /** @throws IOException when the bytes are not a zip (or one entry is broken) */
    static List<Entry> entries(byte[] zip) throws IOException {
        try {
            return entries(zip, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedName) {
            return entries(zip, TextEncoding.GB18030);
        }
    }

    private static List<Entry> entries(byte[] zip, Charset names) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long unpacked = 0;
        boolean any = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                any = true;
                String path = entry.getName().replace('\\', '/');
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith("._")
                        || !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new TooLargeException();
                    }
                    bytes.write(buffer, 0, n);
                }
                entries.add(new Entry(name, bytes.toByteArray()));
            }
        }
        if (!any) {
            throw new IOException("not a zip");   // ZipInputStream reads any other bytes as an empty zip
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return entries;
    }
}
