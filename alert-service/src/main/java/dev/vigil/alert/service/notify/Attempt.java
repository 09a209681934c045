package dev.vigil.alert.service.notify;

import dev.vigil.alert.domain.notify.Delivery;

/**
 * The result of one delivery attempt.
 *
 * @param detail short reason for logs and the notification log: a status code or exception class,
 *     never a URL or a response body (either may carry secrets)
 */
public record Attempt(Delivery.Outcome outcome, String detail) {}
