package dev.vigil.scanner.domain.chain;

import java.time.Instant;

/** One block as a provider reported it: height, hash and the block's own timestamp. */
public record BlockRef(long height, String hash, Instant timestamp) {}
