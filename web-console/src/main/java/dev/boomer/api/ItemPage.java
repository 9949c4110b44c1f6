package dev.boomer.api;

import java.util.List;

/** A page of items, newest first. */
public record ItemPage(List<ItemJson> items) {
}
