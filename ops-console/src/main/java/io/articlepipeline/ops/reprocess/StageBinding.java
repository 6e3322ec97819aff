package io.articlepipeline.ops.reprocess;

/** The rewound stage's input binding: stopped while its group is rewound, started again after. */
public interface StageBinding {

  /** Stops the binding; returns its state after the call ({@code stopped} when it worked). */
  String stop();

  /** Starts the binding; returns its state after the call ({@code running} when it worked). */
  String start();

  /** The binding's state now: {@code running}, {@code paused} or {@code stopped}. */
  String state();

  /** The binding could not be reached or refused the call. */
  class BindingException extends RuntimeException {
    public BindingException(String message) {
      super(message);
    }

    public BindingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
