package dev.vigil.scanner.inventory;

import java.util.List;

/**
 * One page of the inventory.
 *
 * @param total how many certificates match, over all pages
 */
public record CertificatePage(List<CertificateView> items, int page, int size, long total) {}
