package io.articlepipeline.cli;

/** How progress is shown on stderr. */
public enum ProgressMode {
  /** A bar redrawn in place: stderr is a terminal. */
  BAR,
  /** A line every ~2 s: stderr is a file or a pipe. */
  PLAIN,
  /** Nothing. */
  NONE
}
