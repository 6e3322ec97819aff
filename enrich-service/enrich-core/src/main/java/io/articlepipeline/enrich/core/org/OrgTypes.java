package io.articlepipeline.enrich.core.org;

import io.articlepipeline.enrich.core.OrganizationType;
import java.util.Locale;

/**
 * Organization type from the name's head (its suffix) and a few telling words. Plain suffix,
 * prefix and substring tests on the lower-cased name (a regular expression per type, tried at
 * every position of every name, cost a tenth of an English page's enrichment).
 */
public final class OrgTypes {

  private static final String[] PARTY_WORDS = {
      "党委", "党组", "党工委", "党支部", "党总支", "纪委", "监委", "区委", "市委", "县委", "省委", "州委", "镇委", "乡委",
      "宣传部", "组织部", "统战部", "共产党", "中共", "共青团", "团中央", "团市委", "团省委", "团县委", "团区委", "妇联",
      "工会", "青联", "文明办"};
  private static final String[] SCHOOL_HEADS = {
      "大学", "学院", "中学", "小学", "完小", "学校", "幼儿园", "研究院", "研究所", "科学院", "工程院", "校",
      "university", "college", "school", "institute"};
  private static final String[] HOSPITAL_HEADS = {"医院", "卫生院", "卫生服务中心", "诊所", "hospital", "clinic"};
  private static final String[] MEDIA_HEADS = {
      "报", "日报", "晚报", "时报", "晨报", "周刊", "杂志", "新闻网", "报道网", "网", "电视台", "广播电台", "电台", "通讯社",
      "新华社", "中新社", "融媒体中心", "传媒", "新闻", "在线", "头条", "times", "news", "post", "press", "media", "wire"};
  private static final String[] MEDIA_STARTS = {"新华社", "中新社", "中新网", "人民网", "新华网", "央视", "财联社"};
  /** Heads that only a club has: tested before government's 部 (俱乐部 ends in it). */
  private static final String[] CLUB_HEADS = {"俱乐部", "fc", "足球队", "篮球队", "club"};
  private static final String[] SPORTS_HEADS = {"队"};
  private static final String[] SPORTS_STARTS = {"曼联", "曼城", "皇马", "巴萨", "国米", "阿森纳", "切尔西"};
  private static final String[] COMPANY_HEADS = {
      "公司", "集团", "银行", "分行", "支行", "证券", "保险", "基金公司", "有限", "股份", "企业", "厂", "商行", "酒店",
      "inc", "inc.", "corp", "corp.", "corporation", "company", "ltd", "ltd.", "llc", "group", "bank", "co.",
      "pharmaceuticals", "brands", "holdings", "technologies", "industries", "plc", "limited", "incorporated"};
  private static final String[] COMPANY_WORDS = {"公司", "集团", "银行"};
  private static final String[] GOVERNMENT_HEADS = {
      "政府", "人民政府", "办公厅", "办公室", "国务院", "部", "局", "厅", "委员会", "委", "署", "办", "法院", "检察院", "公安",
      "派出所", "街道", "管委会", "管理局", "监督局", "海关", "中心"};
  private static final String[] GOVERNMENT_WORDS = {"人民政府", "管理局", "监督管理"};
  private static final String[] SOCIAL_WORDS = {
      "协会", "学会", "商会", "基金会", "慈善总会", "总会", "联合会", "促进会", "研究会", "红十字会", "义工", "志愿者",
      "志愿服务", "救援队", "服务中心", "实践中心", "实践所", "实践站", "社工", "foundation", "association", "society",
      "red cross", "fund", "charity", "trust", "alliance", "council", "network", "army", "coalition", "federation"};

  private OrgTypes() {
  }

  /** The type of an organization name (analysis form). */
  public static OrganizationType classify(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (contains(n, PARTY_WORDS)) {
      return OrganizationType.PARTY;
    }
    if (endsWith(n, HOSPITAL_HEADS)) {
      return OrganizationType.HOSPITAL;
    }
    if (endsWith(n, SCHOOL_HEADS) || numberedSchool(n)) {
      return OrganizationType.SCHOOL;
    }
    if (contains(n, SOCIAL_WORDS)) {
      return OrganizationType.SOCIAL_ORGANIZATION;
    }
    if (endsWith(n, COMPANY_HEADS) || contains(n, COMPANY_WORDS)) {
      return OrganizationType.COMPANY;
    }
    if (endsWith(n, MEDIA_HEADS) || startsWith(n, MEDIA_STARTS)) {
      return OrganizationType.MEDIA;
    }
    if (endsWith(n, CLUB_HEADS)) {
      return OrganizationType.SPORTS_CLUB;
    }
    if (endsWith(n, GOVERNMENT_HEADS) || contains(n, GOVERNMENT_WORDS)) {
      return OrganizationType.GOVERNMENT;
    }
    if (endsWith(n, SPORTS_HEADS) || startsWith(n, SPORTS_STARTS)) {
      return OrganizationType.SPORTS_CLUB;
    }
    return OrganizationType.OTHER;
  }

  /** 彭泽一中, 泰和二小, 十二中: a number and 中 or 小 ending the name. */
  private static boolean numberedSchool(String n) {
    int len = n.length();
    return len >= 3 && (n.charAt(len - 1) == '中' || n.charAt(len - 1) == '小')
        && ShortForms.ORDINALS.indexOf(n.charAt(len - 2)) >= 0;
  }

  private static boolean endsWith(String name, String[] heads) {
    for (String h : heads) {
      if (name.endsWith(h)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String name, String[] starts) {
    for (String s : starts) {
      if (name.startsWith(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String name, String[] words) {
    for (String w : words) {
      if (name.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
