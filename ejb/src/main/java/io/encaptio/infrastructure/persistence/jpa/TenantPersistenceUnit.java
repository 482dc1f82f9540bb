package io.encaptio.infrastructure.persistence.jpa;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The tenant persistence unit as META-INF/persistence.xml declares it, handed to the provider once
 * per tenant schema by {@link TenantEntityManagerFactories}. Read from the same file the container
 * reads, so the classes, mapping file and properties cannot drift apart.
 *
 * <p>It never weaves: the container's own persistence unit has already woven these classes when
 * they were loaded, and a second transformer on the same loader would only slow every class load
 * down. Each tenant's factory therefore runs with {@code eclipselink.weaving=false} (set by the
 * caller), which EclipseLink handles on woven and unwoven classes alike.
 */
final class TenantPersistenceUnit implements PersistenceUnitInfo {

  private final String name;
  private final URL root;
  private final List<String> classes;
  private final List<String> mappingFiles;
  private final boolean excludeUnlisted;
  private final SharedCacheMode cacheMode;
  private final ValidationMode validationMode;
  private final String schemaVersion;
  private final Properties properties;
  private final DataSource dataSource;
  private final ClassLoader loader;

  private TenantPersistenceUnit(
      String name,
      URL root,
      List<String> classes,
      List<String> mappingFiles,
      boolean excludeUnlisted,
      SharedCacheMode cacheMode,
      ValidationMode validationMode,
      String schemaVersion,
      Properties properties,
      DataSource dataSource,
      ClassLoader loader) {
    this.name = name;
    this.root = root;
    this.classes = List.copyOf(classes);
    this.mappingFiles = List.copyOf(mappingFiles);
    this.excludeUnlisted = excludeUnlisted;
    this.cacheMode = cacheMode;
    this.validationMode = validationMode;
    this.schemaVersion = schemaVersion;
    this.properties = properties;
    this.dataSource = dataSource;
    this.loader = loader;
  }

  /**
   * The unit named {@code name} in the first META-INF/persistence.xml of {@code loader} that has
   * it.
   */
  static TenantPersistenceUnit read(String name, ClassLoader loader, DataSource dataSource) {
    try {
      for (URL xml : Collections.list(loader.getResources("META-INF/persistence.xml"))) {
        Document document = parse(xml);
        Element unit = unitNamed(document, name);
        if (unit != null) {
          String location = xml.toExternalForm();
          URL root =
              new URL(
                  location.substring(0, location.length() - "META-INF/persistence.xml".length()));
          Properties properties = new Properties();
          for (Element property : children(unit, "property")) {
            properties.setProperty(property.getAttribute("name"), property.getAttribute("value"));
          }
          String cacheMode = text(unit, "shared-cache-mode");
          String validationMode = text(unit, "validation-mode");
          return new TenantPersistenceUnit(
              name,
              root,
              texts(unit, "class"),
              texts(unit, "mapping-file"),
              !"false".equals(text(unit, "exclude-unlisted-classes")),
              cacheMode == null ? SharedCacheMode.UNSPECIFIED : SharedCacheMode.valueOf(cacheMode),
              validationMode == null ? ValidationMode.AUTO : ValidationMode.valueOf(validationMode),
              document.getDocumentElement().getAttribute("version"),
              properties,
              dataSource,
              loader);
        }
      }
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("META-INF/persistence.xml could not be read: " + e, e);
    }
    throw new IllegalStateException(
        "No persistence unit '" + name + "' in META-INF/persistence.xml");
  }

  private static Document parse(URL xml)
      throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = xml.openStream()) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static Element unitNamed(Document document, String name) {
    for (Element unit : children(document.getDocumentElement(), "persistence-unit")) {
      if (name.equals(unit.getAttribute("name"))) {
        return unit;
      }
    }
    return null;
  }

  /** Elements called {@code localName} anywhere below {@code parent}. */
  private static List<Element> children(Element parent, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        found.add((Element) nodes.item(i));
      }
    }
    return found;
  }

  private static List<String> texts(Element parent, String localName) {
    return children(parent, localName).stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static String text(Element parent, String localName) {
    List<String> values = texts(parent, localName);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public String getPersistenceUnitName() {
    return name;
  }

  @Override
  public String getPersistenceProviderClassName() {
    return null;
  }

  @Override
  public PersistenceUnitTransactionType getTransactionType() {
    return PersistenceUnitTransactionType.JTA;
  }

  @Override
  public DataSource getJtaDataSource() {
    return dataSource;
  }

  @Override
  public DataSource getNonJtaDataSource() {
    return null;
  }

  @Override
  public List<String> getMappingFileNames() {
    return mappingFiles;
  }

  @Override
  public List<URL> getJarFileUrls() {
    return List.of();
  }

  @Override
  public URL getPersistenceUnitRootUrl() {
    return root;
  }

  @Override
  public List<String> getManagedClassNames() {
    return classes;
  }

  @Override
  public boolean excludeUnlistedClasses() {
    return excludeUnlisted;
  }

  @Override
  public SharedCacheMode getSharedCacheMode() {
    return cacheMode;
  }

  @Override
  public ValidationMode getValidationMode() {
    return validationMode;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public String getPersistenceXMLSchemaVersion() {
    return schemaVersion;
  }

  @Override
  public ClassLoader getClassLoader() {
    return loader;
  }

  /** Never called with weaving off; refused rather than silently ignored if it ever is. */
  @Override
  public void addTransformer(ClassTransformer transformer) {
    throw new UnsupportedOperationException("tenant persistence units do not weave");
  }

  @Override
  public ClassLoader getNewTempClassLoader() {
    return loader;
  }

  /** For messages. */
  @Override
  public String toString() {
    return name + " at " + root;
  }
}
