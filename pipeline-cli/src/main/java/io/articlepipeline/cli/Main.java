package io.articlepipeline.cli;

/** {@code java -jar pipeline-cli.jar submit ...}: runs {@link Cli} and exits with its code. */
public final class Main {

  private Main() {
  }

  /**
   * Runs the command line and exits the JVM with its exit code (0 all well, 1 something refused or
   * failed, 2 usage error).
   *
   * @param args the command line, e.g. {@code submit --no-wait data/}
   */
  public static void main(String[] args) {
    System.exit(new Cli(System.getenv(), System.out, System.err).run(args));
  }
}
