package org.tribune.qa.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A file attached to a draft inquiry. Never changed: it is added to a draft or removed from it, and
 * once the inquiry is submitted it is fixed — its SHA-256, recorded here at upload, is in the
 * submission's ledger leaf, so anyone can check that the file served is the file filed.
 */
@Entity
@Table(name = "qa_attachment")
public class Attachment {

  /** The most files one inquiry carries. */
  public static final int MAX_PER_INQUIRY = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "inquiry_id", nullable = false)
  private long inquiryId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_by", nullable = false)
  private long uploadedBy;

  @Convert(converter = InstantColumn.class)
  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected Attachment() {}

  /**
   * A file for the draft, already accepted by the attachment policy ({@code
   * qa.control.AttachmentPolicy}); refused unless the inquiry is the uploader's own draft.
   */
  public static Attachment to(
      Inquiry inquiry,
      MemberId uploader,
      String fileName,
      String contentType,
      byte[] content,
      Instant now) {
    if (!inquiry.isAuthor(uploader)) {
      throw DomainException.forbidden("Only the delegate who filed it may attach files to it.");
    }
    inquiry.requireDraft("attach files to");
    Attachment a = new Attachment();
    a.inquiryId = inquiry.id();
    a.fileName = fileName;
    a.contentType = contentType;
    a.size = content.length;
    a.sha256 = sha256(content);
    a.content = content.clone();
    a.uploadedBy = uploader.value();
    a.uploadedAt = now;
    return a;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Long id() {
    return id;
  }

  public long inquiryId() {
    return inquiryId;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content.clone();
  }

  public MemberId uploadedBy() {
    return new MemberId(uploadedBy);
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
