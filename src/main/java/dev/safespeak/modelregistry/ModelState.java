package dev.safespeak.modelregistry;

/** Where a model version is in its life: registered, serving, or replaced. */
public enum ModelState { CANDIDATE, ACTIVE, RETIRED }
