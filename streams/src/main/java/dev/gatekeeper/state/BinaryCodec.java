package dev.gatekeeper.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Shared plumbing of the state-store codecs: a format byte first, then fields written with
 * {@link DataOutputStream}; nullable strings carry a presence flag. Each codec is its own serde.
 */
abstract class BinaryCodec<T> implements Serde<T> {
  /** Writes the fields of a value after the format byte. */
  abstract void write(T value, DataOutputStream out) throws IOException;

  /** Reads the fields written by {@link #write} for the given format. */
  abstract T read(int format, DataInputStream in) throws IOException;

  abstract int format();

  final byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(format());
      write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  final T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return read(in.readUnsignedByte(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt state record", e);
    }
  }

  static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static IOException unknownFormat(String what, int format) {
    return new IOException("unknown " + what + " format " + format);
  }

  @Override
  public final Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public final Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
