package dev.safespeak.modelregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @TempDir
    Path dir;

    @Test
    void sha256_of_a_known_text_is_the_published_one() throws IOException {
        Path file = Files.writeString(dir.resolve("abc"), "abc");
        assertThat(Checksums.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void copy_writes_the_bytes_and_returns_their_checksum() throws IOException {
        byte[] bytes = new byte[(1 << 16) * 3 + 17];
        new Random(7).nextBytes(bytes);
        Path target = Files.writeString(dir.resolve("target"), "older and longer content that must be replaced");

        String sha256 = Checksums.copy(new ByteArrayInputStream(bytes), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(sha256).isEqualTo(Checksums.sha256(target));
    }

    @Test
    void copy_goes_on_past_a_read_that_returns_no_bytes_until_the_end_of_the_stream() throws IOException {
        byte[] bytes = "after an empty read".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        InputStream stuttering = new InputStream() {
            private int position;
            private boolean emptyNext = true;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                // Answers 0 bytes every other call, as a stream may (only -1 means the end).
                emptyNext = !emptyNext;
                if (!emptyNext) {
                    return 0;
                }
                if (position == bytes.length) {
                    return -1;
                }
                buffer[offset] = bytes[position++];
                return 1;
            }
        };
        Path target = dir.resolve("stuttered");

        String sha256 = Checksums.copy(stuttering, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(sha256).isEqualTo(Checksums.sha256(target));
    }

    @Test
    void copy_passes_on_a_read_failure() {
        InputStream failing = new InputStream() {
            private int left = 1000;

            @Override
            public int read() throws IOException {
                // Fails on every read after the first 1000 bytes: InputStream.read(byte[]) swallows a failure after
                // the first byte of a call, so the next call must fail again.
                if (left <= 0) {
                    throw new IOException("disk gone");
                }
                left--;
                return 1;
            }
        };
        assertThatThrownBy(() -> Checksums.copy(failing, dir.resolve("t"))).isInstanceOf(IOException.class)
                .hasMessage("disk gone");
    }
}
