package dev.vigil.incident.rest.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages (templates under {@code templates/console}), checked at build time. */
@CheckedTemplate(basePath = "console")
public final class ConsoleViews {

  private ConsoleViews() {}

  public static native TemplateInstance login(boolean failed, boolean signedOut);

  public static native TemplateInstance incidents(IncidentListView view);

  public static native TemplateInstance incident(IncidentPageView view);

  public static native TemplateInstance components(AdminViews.ComponentList view);

  public static native TemplateInstance component(AdminViews.ComponentForm view);

  public static native TemplateInstance maintenances(AdminViews.MaintenanceList view);

  public static native TemplateInstance maintenance(AdminViews.MaintenanceForm view);

  public static native TemplateInstance error(Operator operator, String heading, String message);
}
