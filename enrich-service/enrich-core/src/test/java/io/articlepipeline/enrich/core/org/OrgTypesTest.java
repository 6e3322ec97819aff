package io.articlepipeline.enrich.core.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.enrich.core.OrganizationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgTypesTest {

  @ParameterizedTest
  @CsvSource({
      "郑州市上街区委宣传部, PARTY",
      "共青团长沙市委, PARTY",
      "中共中央, PARTY",
      "上海长征医院, HOSPITAL",
      "Mayo Clinic, HOSPITAL",
      "厦门大学, SCHOOL",
      "彭泽一中, SCHOOL",
      "泰和二小, SCHOOL",
      "泰和十二中, SCHOOL",
      "太泊湖中心完小, SCHOOL",
      "Harvard University, SCHOOL",
      "中国社会福利基金会, SOCIAL_ORGANIZATION",
      "郑州市上街区新时代文明实践中心, SOCIAL_ORGANIZATION",
      "American Red Cross, SOCIAL_ORGANIZATION",
      "The Salvation Army, SOCIAL_ORGANIZATION",
      "义龙新区振华新材料有限公司, COMPANY",
      "招商银行深圳分行, COMPANY",
      "Hanes Brands Inc., COMPANY",
      "ACME CORP, COMPANY",
      "Alexion Pharmaceuticals, COMPANY",
      "HanesBrands, COMPANY",
      "Berkshire Hathaway Holdings, COMPANY",
      "中国公益报道网, MEDIA",
      "新华社北京分社, MEDIA",
      "Chicago Tribune News, MEDIA",
      "北京市人民政府办公厅, GOVERNMENT",
      "德县市场监督管理局, GOVERNMENT",
      "国务院, GOVERNMENT",
      "石家庄永昌足球俱乐部, SPORTS_CLUB",
      "曼联, SPORTS_CLUB",
      "Seoul FC, SPORTS_CLUB",
      "小米, OTHER",
      "Points of Light, OTHER"})
  void typeFromTheHeadOrATellingWord(String name, OrganizationType expected) {
    assertThat(OrgTypes.classify(name)).isEqualTo(expected);
  }
}
