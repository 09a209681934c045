package dev.vigil.alert.service.notify;

import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.Delivery;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.Payloads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** E-mail over SMTP with Jakarta Mail; SMTP is blocking, so it runs on its own small pool. */
@ApplicationScoped
public class EmailSender {

  private final NotifySettings settings;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  public EmailSender(NotifySettings settings) {
    this.settings = settings;
  }

  public CompletionStage<Attempt> send(Integration.Email e, Notification n, String externalUrl) {
    return CompletableFuture.supplyAsync(() -> sendNow(e, n, externalUrl), pool);
  }

  private Attempt sendNow(Integration.Email e, Notification n, String externalUrl) {
    Properties props = new Properties();
    String timeout = String.valueOf(settings.requestTimeout().toMillis());
    props.put("mail.smtp.host", e.host());
    props.put("mail.smtp.port", String.valueOf(e.port()));
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", String.valueOf(e.requireTls()));
    boolean auth = e.authUsername() != null && !e.authUsername().isBlank();
    props.put("mail.smtp.auth", String.valueOf(auth));
    Session session = Session.getInstance(props);
    Payloads.Email mail = Payloads.email(n, externalUrl);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(e.from()));
      for (String to : e.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.body(), "UTF-8");
      message.setSentDate(new Date());
      message.setHeader("X-Vigil-Notification-Id", n.id());
      if (auth) {
        Transport.send(message, e.authUsername(), e.authPassword());
      } else {
        Transport.send(message);
      }
      return new Attempt(Delivery.Outcome.SENT, "SMTP OK");
    } catch (AuthenticationFailedException | SendFailedException ex) {
      // Wrong credentials or rejected addresses: retrying will not help.
      return new Attempt(Delivery.Outcome.PERMANENT, "SMTP " + ex.getClass().getSimpleName());
    } catch (MessagingException ex) {
      return new Attempt(Delivery.Outcome.RETRYABLE, "SMTP " + ex.getClass().getSimpleName());
    }
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }
}
