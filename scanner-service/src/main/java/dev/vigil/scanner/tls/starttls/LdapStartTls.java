package dev.vigil.scanner.tls.starttls;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4511 4.14: the StartTLS extended request (OID 1.3.6.1.4.1.1466.20037) and its extended
 * response, whose resultCode must be success (0). BER is encoded and parsed by hand: the request is
 * 31 fixed bytes and only a few fields of the response matter.
 */
final class LdapStartTls implements StartTlsDialogue {

  static final String START_TLS_OID = "1.3.6.1.4.1.1466.20037";

  /** Responses are small; a server sending more is not answering StartTLS. */
  private static final int MAX_RESPONSE = 16 * 1024;

  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;
  private static final int ENUMERATED = 0x0a;
  private static final int OCTET_STRING = 0x04;
  private static final int EXTENDED_REQUEST = 0x77; // [APPLICATION 23], constructed
  private static final int EXTENDED_RESPONSE = 0x78; // [APPLICATION 24], constructed
  private static final int REQUEST_NAME = 0x80; // [0], primitive
  private static final int MESSAGE_ID = 1;

  @Override
  public void upgrade(Socket socket, String serverName) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request());
    out.flush();
    Ber response = new Ber(readMessage(socket.getInputStream()));
    Ber op = response.enter(SEQUENCE);
    int messageId = op.integer(INTEGER);
    if (op.peekTag() != EXTENDED_RESPONSE) {
      throw new StartTlsException(
          "LDAP server answered StartTLS with operation 0x" + Integer.toHexString(op.peekTag()));
    }
    Ber result = op.enter(EXTENDED_RESPONSE);
    int resultCode = result.integer(ENUMERATED);
    result.skip(OCTET_STRING); // matchedDN
    String diagnostic = result.string(OCTET_STRING);
    if (messageId != MESSAGE_ID) {
      // Message id 0 is an unsolicited notification, e.g. a notice of disconnection.
      throw new StartTlsException(
          "LDAP server sent an unsolicited notice (resultCode " + resultCode + ") " + diagnostic);
    }
    if (resultCode != 0) {
      throw new StartTlsException(
          "LDAP server refused StartTLS: resultCode " + resultCode + " " + diagnostic);
    }
  }

  /** LDAPMessage { messageID 1, ExtendedRequest { requestName [0] "1.3.6.1.4.1.1466.20037" } }. */
  static byte[] request() {
    byte[] oid = START_TLS_OID.getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[9 + oid.length];
    int i = 0;
    message[i++] = SEQUENCE;
    message[i++] = (byte) (7 + oid.length);
    message[i++] = INTEGER;
    message[i++] = 1;
    message[i++] = MESSAGE_ID;
    message[i++] = EXTENDED_REQUEST;
    message[i++] = (byte) (2 + oid.length);
    message[i++] = (byte) REQUEST_NAME;
    message[i++] = (byte) oid.length;
    System.arraycopy(oid, 0, message, i, oid.length);
    return message;
  }

  /** Reads exactly one BER element (tag, length, content) and nothing after it. */
  private static byte[] readMessage(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    int tag = in.readUnsignedByte();
    if (tag != SEQUENCE) {
      throw new StartTlsException("not an LDAP message: first byte 0x" + Integer.toHexString(tag));
    }
    int first = in.readUnsignedByte();
    int length;
    byte[] header;
    if (first < 0x80) {
      length = first;
      header = new byte[] {(byte) tag, (byte) first};
    } else {
      int count = first & 0x7f;
      if (count == 0 || count > 3) {
        throw new StartTlsException("LDAP response has an unsupported length encoding");
      }
      header = new byte[2 + count];
      header[0] = (byte) tag;
      header[1] = (byte) first;
      length = 0;
      for (int k = 0; k < count; k++) {
        int b = in.readUnsignedByte();
        header[2 + k] = (byte) b;
        length = (length << 8) | b;
      }
    }
    if (length > MAX_RESPONSE) {
      throw new StartTlsException("LDAP response of " + length + " bytes is too long");
    }
    byte[] message = new byte[header.length + length];
    System.arraycopy(header, 0, message, 0, header.length);
    in.readFully(message, header.length, length);
    return message;
  }

  /** A cursor over BER elements inside one buffer; every read is bounds-checked. */
  private static final class Ber {
    private final byte[] data;
    private int position;
    private final int end;

    Ber(byte[] data) {
      this(data, 0, data.length);
    }

    private Ber(byte[] data, int from, int to) {
      this.data = data;
      this.position = from;
      this.end = to;
    }

    int peekTag() throws StartTlsException {
      need(1);
      return data[position] & 0xff;
    }

    Ber enter(int tag) throws StartTlsException {
      int length = header(tag);
      Ber inner = new Ber(data, position, position + length);
      position += length;
      return inner;
    }

    int integer(int tag) throws StartTlsException {
      int length = header(tag);
      if (length < 1 || length > 4) {
        throw new StartTlsException("LDAP integer of " + length + " bytes");
      }
      int value = data[position]; // sign-extended, as BER integers are two's complement
      for (int k = 1; k < length; k++) {
        value = (value << 8) | (data[position + k] & 0xff);
      }
      position += length;
      return value;
    }

    String string(int tag) throws StartTlsException {
      int length = header(tag);
      String value = new String(data, position, length, StandardCharsets.UTF_8);
      position += length;
      return Lines.shown(value);
    }

    void skip(int tag) throws StartTlsException {
      position += header(tag);
    }

    private int header(int tag) throws StartTlsException {
      need(2);
      int actual = data[position++] & 0xff;
      if (actual != tag) {
        throw new StartTlsException(
            "LDAP response has tag 0x"
                + Integer.toHexString(actual)
                + " where 0x"
                + Integer.toHexString(tag)
                + " belongs");
      }
      int first = data[position++] & 0xff;
      int length = first;
      if (first >= 0x80) {
        int count = first & 0x7f;
        if (count == 0 || count > 3) {
          throw new StartTlsException("LDAP response has an unsupported length encoding");
        }
        need(count);
        length = 0;
        for (int k = 0; k < count; k++) {
          length = (length << 8) | (data[position++] & 0xff);
        }
      }
      need(length);
      return length;
    }

    private void need(int bytes) throws StartTlsException {
      if (bytes < 0 || position + bytes > end) {
        throw new StartTlsException("LDAP response is truncated");
      }
    }
  }
}
