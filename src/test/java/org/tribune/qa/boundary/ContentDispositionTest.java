package org.tribune.qa.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void namesTheFileInAsciiAndExactlyInUtf8() {
    assertEquals(
        "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
        InquiriesResource.contentDisposition("report.pdf"));
    assertEquals(
        "attachment; filename=\"__ _a_.png\"; filename*=UTF-8''%E7%94%B5%E6%B1%A0%20%22a%22.png",
        InquiriesResource.contentDisposition("电池 \"a\".png"));
  }
}
