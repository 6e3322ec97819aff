package io.articlepipeline.enrich.core.org;

import io.articlepipeline.enrich.core.OrganizationType;
import java.util.regex.Pattern;

/** Organization type from the name's head (its suffix) and a few telling words. */
public final class OrgTypes {

  private static final Pattern PARTY = Pattern.compile(
      "(?:党委|党组|党工委|党支部|党总支|纪委|监委|(?:区|市|县|省|州|镇|乡)委(?:宣传部|组织部|统战部|政法委|办公室)?"
          + "|宣传部|组织部|统战部|共产党|中共|共青团|团中央|团市委|团省委|团县委|团区委|妇联|工会|青联|文明办)");
  private static final Pattern SCHOOL = Pattern.compile(
      "(?:大学|学院|中学|小学|学校|一中|二中|三中|幼儿园|研究院|研究所|科学院|工程院|校|University|College|School|Institute)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HOSPITAL = Pattern.compile("(?:医院|卫生院|卫生服务中心|诊所|Hospital|Clinic)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MEDIA = Pattern.compile(
      "(?:报|日报|晚报|时报|晨报|周刊|杂志|新闻网|报道网|网|电视台|广播电台|电台|通讯社|新华社|中新社|融媒体中心|传媒|新闻|在线|头条|Times|News|Post|Press|Media|Wire)$"
          + "|^(?:新华社|中新社|中新网|人民网|新华网|央视|财联社)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SPORTS = Pattern.compile("(?:队|俱乐部|FC|足球队|篮球队|Club)$|^(?:曼联|曼城|皇马|巴萨|国米|阿森纳|切尔西)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPANY = Pattern.compile(
      "(?:公司|集团|银行|分行|支行|证券|保险|基金公司|有限|股份|企业|厂|商行|酒店|Inc\\.?|Corp\\.?|Corporation|Company|Ltd\\.?|LLC|Group|Bank|Co\\.)$"
          + "|(?:公司|集团|银行)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern GOVERNMENT = Pattern.compile(
      "(?:政府|人民政府|办公厅|办公室|国务院|部|局|厅|委员会|委|署|办|法院|检察院|公安|派出所|街道|管委会|管理局|监督局|海关|中心)$"
          + "|(?:人民政府|管理局|监督管理)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SOCIAL = Pattern.compile(
      "(?:协会|学会|商会|基金会|慈善总会|总会|联合会|促进会|研究会|红十字会|义工|志愿者|志愿服务|救援队|服务中心|实践中心|实践所|实践站|社工|"
          + "Foundation|Association|Society|Red Cross|Fund|Charity|Trust|Alliance|Council|Network|Army|Coalition|Federation)",
      Pattern.CASE_INSENSITIVE);

  private OrgTypes() {
  }

  /** The type of an organization name (analysis form). */
  public static OrganizationType classify(String name) {
    if (PARTY.matcher(name).find()) {
      return OrganizationType.PARTY;
    }
    if (HOSPITAL.matcher(name).find()) {
      return OrganizationType.HOSPITAL;
    }
    if (SCHOOL.matcher(name).find()) {
      return OrganizationType.SCHOOL;
    }
    if (SOCIAL.matcher(name).find()) {
      return OrganizationType.SOCIAL_ORGANIZATION;
    }
    if (COMPANY.matcher(name).find()) {
      return OrganizationType.COMPANY;
    }
    if (MEDIA.matcher(name).find()) {
      return OrganizationType.MEDIA;
    }
    if (GOVERNMENT.matcher(name).find()) {
      return OrganizationType.GOVERNMENT;
    }
    if (SPORTS.matcher(name).find()) {
      return OrganizationType.SPORTS_CLUB;
    }
    return OrganizationType.OTHER;
  }
}
