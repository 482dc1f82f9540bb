package io.encaptio.interfaces.content.web;

import io.encaptio.application.ContentService;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The editor's two forms that add content: pasted text or a question with its answer, and a web
 * page or site (crawl depth, page limit, how often it is fetched again).
 */
@Named
@ViewScoped
public class NewContentForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB ContentService content;
  @Inject CapsulePage page;
  @Inject CapsuleContent items;

  private String kind = "text";
  private String title;
  private String body;
  private String urlAddress;
  private boolean urlWholeSite;
  private int urlDepth = 1;
  private int urlMaxPages = 20;
  private Integer urlSyncHours;

  public void addContent() {
    try {
      if ("faq".equals(kind)) {
        content.addFaq(page.capsuleId(), title, body);
      } else {
        content.addText(page.capsuleId(), title, body);
      }
      PageMessages.inform("Content added", title);
      title = null;
      body = null;
      page.refresh();
      items.refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("The content was not added", e, "contentForm");
    }
  }

  /** A web page, or its site within the depth and page limit, maybe synced on a schedule. */
  public void addUrl() {
    try {
      content.addUrl(
          page.capsuleId(),
          urlAddress,
          urlWholeSite ? urlDepth : 0,
          urlWholeSite ? urlMaxPages : 1,
          urlSyncHours);
      PageMessages.inform("Web address added", urlAddress + " is being fetched and indexed.");
      urlAddress = null;
      page.refresh();
      items.refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("The address was not added", e, "urlForm");
    }
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getUrlAddress() {
    return urlAddress;
  }

  public void setUrlAddress(String urlAddress) {
    this.urlAddress = urlAddress;
  }

  public boolean isUrlWholeSite() {
    return urlWholeSite;
  }

  public void setUrlWholeSite(boolean urlWholeSite) {
    this.urlWholeSite = urlWholeSite;
  }

  public int getUrlDepth() {
    return urlDepth;
  }

  public void setUrlDepth(int urlDepth) {
    this.urlDepth = urlDepth;
  }

  public int getUrlMaxPages() {
    return urlMaxPages;
  }

  public void setUrlMaxPages(int urlMaxPages) {
    this.urlMaxPages = urlMaxPages;
  }

  public Integer getUrlSyncHours() {
    return urlSyncHours;
  }

  public void setUrlSyncHours(Integer urlSyncHours) {
    this.urlSyncHours = urlSyncHours;
  }
}
