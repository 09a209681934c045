package dev.vigil.incident.rest.page;

import java.util.List;

/** The Atom feed of public incidents, newest first. */
public record FeedView(String title, String id, String link, String updated, List<Entry> entries) {

  public record Entry(String id, String title, String published, String updated, String summary) {}
}
