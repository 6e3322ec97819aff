package io.articlepipeline.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PastedPageTest {

  @Test
  void skipsTheBreadcrumbAndTakesTheHeadline() {
    PastedPage.Parts parts = PastedPage.split("首页 > 志愿服务 > 正文\r\n\r\n标题在这里\r\n正文。");

    assertThat(parts.title()).isEqualTo("标题在这里");
    assertThat(parts.body()).isEqualTo("首页 > 志愿服务 > 正文\n\n标题在这里\n正文。");
  }

  @Test
  void titlesAPageWithoutHeadlineByItsFirstSentence() {
    PastedPage.Parts parts = PastedPage.split("今年以来,中心共开展活动106场次,参与群众13000余人次,受到群众广泛欢迎,成效显著。第二句。");

    assertThat(parts.title()).isEqualTo("今年以来,中心共开展活动106场次,参与群众13000余人次,受到群众广泛欢迎,…");
    assertThat(parts.body()).startsWith("今年以来");
  }

  @Test
  void readsTheSamplePage() throws IOException {
    // the repository's samples/ (Maven runs the test in the module's directory)
    Path sample = Path.of("../samples/000_7abadb2f983fa813.txt");
    PastedPage.Parts parts = PastedPage.split(Files.readString(sample));

    assertThat(parts.title()).isEqualTo("郑州上街区:用好文明实践阵地 打造新时代志愿服务广阔舞台");
    assertThat(parts.body()).startsWith("首页 > 志愿服务 > 正文").contains("郑州市上街区新时代文明实践中心");
  }
}
