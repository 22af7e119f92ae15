/**
 * The admins' settings tool: a settings file read and checked with the service's own validation,
 * an org's current settings record read from the compacted topic, and a readable diff between
 * the two. Nothing here publishes: that is {@code settings apply}'s job, after a preview.
 */
package dev.gatekeeper.settings;
