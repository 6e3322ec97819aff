package io.articlepipeline.enrich.tools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.text.Segmenter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainOrgModelTest {

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final Segmenter SEGMENTER = Segmenter.plain();

  @AfterEach
  void clearSeeds() {
    System.clearProperty("org.seed");
    System.clearProperty("org.seeds");
  }

  @Test
  void seedsDefaultToTheShippedEnsemble() {
    assertThat(TrainOrgModel.seeds()).containsExactly(42L, 43L, 44L, 45L, 46L);
    System.setProperty("org.seed", "7");
    assertThat(TrainOrgModel.seeds()).containsExactly(7L);
    System.setProperty("org.seeds", "42, 43,44");
    assertThat(TrainOrgModel.seeds()).containsExactly(42L, 43L, 44L);
  }

  @Test
  void seedsThatAreNoListOfIntegersAreRefused() {
    System.setProperty("org.seeds", ",");
    assertThatThrownBy(TrainOrgModel::seeds).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dorg.seeds");
    System.setProperty("org.seeds", "42,x");
    assertThatThrownBy(TrainOrgModel::seeds).hasMessageContaining("'42,x'");
  }

  @Test
  void anEnsembleOfOneOrderTwiceIsThatOrdersModel() {
    TrainOrgModel.Trained single = trained("org.seed", "42", 0.5f);
    TrainOrgModel.Trained twice = trained("org.seeds", "42,42", 0.5f);
    assertThat(twice.keys()).containsExactly(single.keys());
    assertThat(twice.weights()).containsExactly(single.weights());
    assertThat(twice.transitions()).containsExactly(single.transitions());
  }

  @Test
  void anEnsembleAveragesTheRunsWeightsBeforePruning() {
    // minWeight 0 keeps every feature, so the tables line up key by key
    TrainOrgModel.Trained a = trained("org.seed", "42", 0f);
    TrainOrgModel.Trained b = trained("org.seed", "43", 0f);
    TrainOrgModel.Trained both = trained("org.seeds", "42,43", 0f);
    assertThat(both.keys()).containsExactly(a.keys());
    assertThat(a.weights()).isNotEqualTo(b.weights());
    for (int i = 0; i < both.weights().length; i++) {
      assertThat(both.weights()[i]).isEqualTo((a.weights()[i] + b.weights()[i]) / 2);
    }
    for (int i = 0; i < both.transitions().length; i++) {
      assertThat(both.transitions()[i]).isEqualTo((a.transitions()[i] + b.transitions()[i]) / 2);
    }
  }

  /** A model of the small corpus trained with only {@code property} (org.seed or org.seeds) set. */
  private static TrainOrgModel.Trained trained(String property, String value, float minWeight) {
    System.clearProperty("org.seed");
    System.clearProperty("org.seeds");
    System.setProperty(property, value);
    return TrainOrgModel.train(corpus(), SEGMENTER, 3, minWeight, QUIET);
  }

  private static List<TrainOrgModel.Sentence> corpus() {
    String[][] rows = {
        {"郑州市慈善总会今天发布公告。", "郑州市慈善总会"},
        {"中国红十字会向灾区捐款。", "中国红十字会"},
        {"北京大学的学生参加了志愿服务。", "北京大学"},
        {"记者从郑州市民政局获悉。", "郑州市民政局"},
        {"中国扶贫基金会和北京大学合作。", "中国扶贫基金会", "北京大学"},
        {"今天天气很好，我们去公园散步。"},
        {"郑州市慈善总会联合中国红十字会开展活动。", "郑州市慈善总会", "中国红十字会"},
        {"他在北京工作了三年。"},
    };
    List<TrainOrgModel.Sentence> out = new ArrayList<>();
    for (String[] row : rows) {
      List<Map<String, Object>> entities = new ArrayList<>();
      for (int k = 1; k < row.length; k++) {
        int start = row[0].indexOf(row[k]);
        entities.add(Map.of("type", "ORG", "start", start, "end", start + row[k].length()));
      }
      out.add(TrainOrgModel.sentence(Map.of("id", "t" + out.size(), "text", row[0], "entities", entities)));
    }
    return out;
  }
}
