/**
 * Vigil's event contract. Every type here is a plain record (Jackson annotations at most) that
 * travels as the data of a CloudEvent 1.0 in Kafka binary mode. {@link dev.vigil.events.EventType}
 * names each CloudEvent type, its payload record and its JSON Schema. Fields may be added in a
 * backwards-compatible way; renaming or removing one means a new {@code .vN} type.
 */
package dev.vigil.events;
