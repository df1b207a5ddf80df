package dev.cairn.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SizeCappedInputStreamTest {

    @Test
    void passesAStreamOfExactlyTheCap() throws IOException {
        // Given
        var in = new SizeCappedInputStream(new ByteArrayInputStream(new byte[100]), 100);
        // When
        var read = in.readAllBytes();
        // Then
        assertThat(read).hasSize(100);
    }

    @Test
    void stopsAStreamOneByteOverTheCap() {
        // Given
        var in = new SizeCappedInputStream(new ByteArrayInputStream(new byte[101]), 100);
        // When
        var thrown = assertThatThrownBy(in::readAllBytes);
        // Then
        thrown.isInstanceOf(ArtifactTooLargeException.class).hasMessageContaining("100 bytes");
    }
}
