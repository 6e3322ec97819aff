package io.articlepipeline.enrich.core;

/** Kinds of organization the tagger tells apart. */
public enum OrganizationType {
  GOVERNMENT, PARTY, SOCIAL_ORGANIZATION, COMPANY, SCHOOL, HOSPITAL, MEDIA, SPORTS_CLUB, OTHER
}
