package dev.vigil.scanner.tls.starttls;

import dev.vigil.scanner.domain.StartTls;

/** The dialogue for each {@link StartTls} protocol. */
public final class StartTlsDialogues {

  private static final StartTlsDialogue NONE = (socket, serverName) -> {};

  private StartTlsDialogues() {}

  public static StartTlsDialogue of(StartTls protocol) {
    return switch (protocol) {
      case NONE -> NONE;
      case SMTP -> new SmtpStartTls();
      case IMAP -> new ImapStartTls();
      case POP3 -> new Pop3StartTls();
      case FTP -> new FtpStartTls();
      case LDAP -> new LdapStartTls();
      case POSTGRES -> new PostgresStartTls();
    };
  }
}
