package io.articlepipeline.ops.deadletters;

import io.articlepipeline.ops.deadletters.DeadLetterStore.TooManyDeadLettersException;
import io.articlepipeline.ops.deadletters.ReplayRequest.RecordRef;
import io.articlepipeline.ops.web.BadRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters: counts and newest records per dead-letter topic, and replay to the source topic. */
@RestController
public class DeadLettersController {

  private final DeadLetterService deadLetters;

  public DeadLettersController(DeadLetterService deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping("/api/ops/dead-letters")
  public DeadLettersView deadLetters() {
    return deadLetters.view();
  }

  /**
   * Replays {@code {"all": true}} or {@code {"records": [{"partition": 0, "offset": 12}]}} of a
   * dead-letter topic to the topic each record came from.
   */
  @PostMapping("/api/ops/dead-letters/{topic}/replay")
  public ReplayReport replay(@PathVariable String topic, @RequestBody ReplayRequest request) {
    if (!deadLetters.topics().contains(topic)) {
      throw new BadRequestException(HttpStatus.NOT_FOUND, "Unknown dead-letter topic " + topic,
          List.of("known: " + deadLetters.topics()));
    }
    boolean hasRecords = request.records() != null && !request.records().isEmpty();
    if (request.replayAll() == hasRecords) {
      throw new BadRequestException("Say what to replay",
          "send either {\"all\": true} or {\"records\": [{\"partition\": 0, \"offset\": 12}]}");
    }
    if (request.replayAll()) {
      try {
        return deadLetters.replayAll(topic);
      } catch (TooManyDeadLettersException e) {
        throw new BadRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "Too many dead letters",
            List.of(e.getMessage()));
      }
    }
    return deadLetters.replay(topic, offsetsByPartition(request.records()));
  }

  static Map<Integer, Set<Long>> offsetsByPartition(List<RecordRef> records) {
    List<String> problems = new ArrayList<>();
    Map<Integer, Set<Long>> offsets = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      RecordRef ref = records.get(i);
      if (ref == null || ref.partition() == null || ref.partition() < 0) {
        problems.add("records[" + i + "].partition must be a number >= 0");
      } else if (ref.offset() == null || ref.offset() < 0) {
        problems.add("records[" + i + "].offset must be a number >= 0");
      } else {
        offsets.computeIfAbsent(ref.partition(), p -> new HashSet<>()).add(ref.offset());
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(HttpStatus.BAD_REQUEST, "Invalid records to replay", problems);
    }
    return offsets;
  }
}
