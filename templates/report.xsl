<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML report: the report document (urn:maturity:document:1, the
     same one the PDF is set from) as one self-contained page.  This
     template holds no words of its own: every text comes from the
     document, whose words come from templates/messages.xml.  It only maps
     the document's blocks onto HTML and the classes of report.css; every
     text goes through xsl:value-of or a copy, so libxslt escapes it.
     html.c adds <r:brand> (colours, fonts, logo) and <r:style> (the CSS)
     to the document, and an SVG inside each <chart>. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:maturity:render:1"
                xmlns:d="urn:maturity:document:1"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="r d svg">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- The document is built without layout white space, and a space
       between two inline elements is meaningful: no white space is
       stripped. -->

  <xsl:key name="palette" match="d:palette/d:stage" use="@index"/>

  <xsl:variable name="document" select="/d:document"/>
  <xsl:variable name="brand" select="$document/r:brand"/>
  <xsl:variable name="furniture" select="$document/d:furniture"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <!-- The page ======================================================== -->

  <xsl:template match="/">
    <html lang="{$document/@lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$document/@title"/></title>
        <style><xsl:call-template name="brand-rule"/></style>
        <style><xsl:value-of select="$document/r:style"/></style>
      </head>
      <body>
        <a class="skip-link" href="#main"><xsl:value-of select="$furniture/d:skip"/></a>
        <xsl:apply-templates select="$document/d:cover | $document/d:section[@id = 'contents']"/>
        <main id="main">
          <xsl:apply-templates select="$document/d:section[@id != 'contents']"/>
        </main>
        <footer class="report-footer">
          <p>
            <span class="report-footer-brand"><xsl:value-of select="$furniture/d:footer"/></span>
            <span class="report-footer-note"><xsl:value-of select="$furniture/d:confidentiality"/></span>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The brand as CSS custom properties and the paper size.  Colours are
       #rrggbb (checked again here); font names keep only plain characters,
       since a <style> element's text is not escaped. -->
  <xsl:template name="brand-rule">
    <xsl:text>:root{</xsl:text>
    <xsl:value-of select="concat('--brand-primary:', $brand/@primary, ';')"/>
    <xsl:value-of select="concat('--brand-accent:', $brand/@accent, ';')"/>
    <xsl:value-of select="concat('--brand-text:', $brand/@text, ';')"/>
    <xsl:text>--font-heading:</xsl:text>
    <xsl:call-template name="font-stack"><xsl:with-param name="family" select="$brand/@heading-font"/></xsl:call-template>
    <xsl:text>;--font-body:</xsl:text>
    <xsl:call-template name="font-stack"><xsl:with-param name="family" select="$brand/@body-font"/></xsl:call-template>
    <xsl:text>}&#10;@page{size:</xsl:text>
    <xsl:choose>
      <xsl:when test="$brand/@paper = 'letter'">letter</xsl:when>
      <xsl:otherwise>A4</xsl:otherwise>
    </xsl:choose>
    <xsl:text>}&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="font-stack">
    <xsl:param name="family"/>
    <xsl:variable name="plain" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.'"/>
    <xsl:variable name="safe" select="normalize-space(translate($family, translate($family, $plain, ''), ''))"/>
    <xsl:if test="$safe != ''">
      <xsl:value-of select="concat('&quot;', $safe, '&quot;,')"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="contains($safe, 'Serif') and not(contains($safe, 'Sans'))">Georgia,"Times New Roman",serif</xsl:when>
      <xsl:otherwise>system-ui,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A stage's colour, #rrggbb, from the document's palette. -->
  <xsl:template name="stage-color">
    <xsl:param name="stage"/>
    <xsl:variable name="hex" select="string(key('palette', $stage)/@color)"/>
    <xsl:choose>
      <xsl:when test="string-length($hex) = 7 and starts-with($hex, '#')
                      and translate(substring($hex, 2), '0123456789abcdefABCDEF', '') = ''">
        <xsl:value-of select="$hex"/>
      </xsl:when>
      <xsl:otherwise>#5c616a</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cover ======================================================= -->

  <xsl:template match="d:cover">
    <header class="cover">
      <div class="wrap">
        <div class="cover-brand">
          <xsl:if test="starts-with($brand/@logo, 'data:image/png;base64,')">
            <img class="cover-logo" src="{$brand/@logo}" alt="" width="48" height="48"/>
          </xsl:if>
          <span class="cover-organization"><xsl:value-of select="d:organization"/></span>
        </div>
        <h1 class="cover-title">
          <span class="cover-kicker"><xsl:value-of select="d:kicker"/></span>
          <span class="visually-hidden">: </span>
          <span class="cover-team"><xsl:value-of select="d:title"/></span>
        </h1>
        <xsl:if test="d:subtitle">
          <p class="cover-subtitle"><xsl:value-of select="d:subtitle"/></p>
        </xsl:if>
        <xsl:apply-templates select="d:facts">
          <xsl:with-param name="class" select="'cover-facts'"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="d:tiles">
          <xsl:with-param name="class" select="'cover-result'"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="d:gauge"/>
        <xsl:if test="d:note">
          <p class="cover-note"><xsl:value-of select="d:note"/></p>
        </xsl:if>
      </div>
    </header>
  </xsl:template>

  <!-- The stages along the 1 to 4 scale, with the team's overall score. -->
  <xsl:template match="d:gauge">
    <div class="stage-track" role="img" aria-label="{@description}">
      <div class="stage-track-bar">
        <span class="stage-track-fill" style="width:{format-number(@fraction * 100, '0.0')}%"></span>
        <xsl:for-each select="d:stop">
          <span class="stage-track-stop">
            <xsl:if test="@current = 'true'"><xsl:attribute name="class">stage-track-stop is-current</xsl:attribute></xsl:if>
            <xsl:attribute name="style">
              <xsl:value-of select="concat('left:', format-number(@fraction * 100, '0.0'), '%;--chip:')"/>
              <xsl:call-template name="stage-color"><xsl:with-param name="stage" select="@stage"/></xsl:call-template>
            </xsl:attribute>
            <span class="stage-track-label"><xsl:value-of select="@label"/></span>
            <span class="stage-track-min"><xsl:value-of select="@min"/></span>
          </span>
        </xsl:for-each>
        <span class="stage-track-marker" style="left:{format-number(@fraction * 100, '0.0')}%">
          <span class="stage-track-score"><xsl:value-of select="@value"/></span>
        </span>
      </div>
    </div>
  </xsl:template>

  <!-- The contents ==================================================== -->

  <xsl:template match="d:section[@id = 'contents']">
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title"><xsl:apply-templates select="d:title/node()"/></h2>
      <xsl:apply-templates select="d:toc"/>
      <div class="contents-about prose">
        <xsl:apply-templates select="*[not(self::d:title or self::d:toc or self::d:eyebrow)]"/>
      </div>
    </nav>
  </xsl:template>

  <xsl:template match="d:toc">
    <ol>
      <xsl:for-each select="d:entry">
        <li><a href="#{@ref}"><xsl:apply-templates/></a></li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- Sections ======================================================== -->

  <xsl:template match="d:section">
    <section id="{@id}" class="section section-{@id}" aria-labelledby="{@id}-title">
      <xsl:if test="@break = 'page'">
        <xsl:attribute name="class"><xsl:value-of select="concat('section section-', @id, ' page-break')"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="d:eyebrow">
        <p class="section-eyebrow"><xsl:apply-templates select="d:eyebrow/node()"/></p>
      </xsl:if>
      <h2 id="{@id}-title"><xsl:apply-templates select="d:title/node()"/></h2>
      <xsl:apply-templates select="*[not(self::d:title or self::d:eyebrow)]"/>
    </section>
  </xsl:template>

  <xsl:template match="d:h">
    <xsl:choose>
      <xsl:when test="@level = '3'"><h3><xsl:apply-templates/></h3></xsl:when>
      <xsl:otherwise><h4><xsl:apply-templates/></h4></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:p">
    <xsl:choose>
      <xsl:when test="parent::d:item and ../../@tight = 'true'">
        <xsl:apply-templates/>
        <xsl:if test="following-sibling::*[1][self::d:p]"><br/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:if test="@role">
            <xsl:attribute name="class"><xsl:value-of select="concat('p-', @role)"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:list">
    <xsl:variable name="class" select="concat('list list-', @style, ' ', @role)"/>
    <xsl:choose>
      <xsl:when test="@style = 'number'">
        <ol class="{$class}">
          <xsl:if test="@start and @start != '1' and string(number(@start)) != 'NaN'">
            <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates/>
        </ol>
      </xsl:when>
      <xsl:otherwise>
        <ul class="{$class}"><xsl:apply-templates/></ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="d:group">
    <xsl:choose>
      <xsl:when test="@role = 'verdict'">
        <div class="verdict">
          <p class="verdict-stage"><xsl:apply-templates select="d:chip"/></p>
          <div class="verdict-text"><xsl:apply-templates select="*[not(self::d:chip)]"/></div>
        </div>
      </xsl:when>
      <xsl:when test="@role = 'finding'">
        <section class="finding"><xsl:apply-templates/></section>
      </xsl:when>
      <xsl:otherwise>
        <div class="{@role}"><xsl:apply-templates/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:facts">
    <xsl:param name="class" select="concat('facts ', @role)"/>
    <dl class="{$class}">
      <xsl:for-each select="d:fact">
        <div>
          <dt><xsl:value-of select="@label"/></dt>
          <dd><xsl:apply-templates/></dd>
        </div>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <xsl:template match="d:tiles">
    <xsl:param name="class" select="normalize-space(concat('tiles ', @role))"/>
    <div class="{$class}">
      <xsl:for-each select="d:tile">
        <div class="tile">
          <xsl:if test="@role">
            <xsl:attribute name="class"><xsl:value-of select="concat('tile is-', @role)"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="@role = 'here'">
            <xsl:attribute name="aria-current">step</xsl:attribute>
          </xsl:if>
          <p class="figure-label"><xsl:apply-templates select="d:label/node()"/></p>
          <p class="figure">
            <xsl:choose>
              <xsl:when test="d:value/d:chip">
                <xsl:apply-templates select="d:value/d:chip">
                  <xsl:with-param name="size" select="'large'"/>
                </xsl:apply-templates>
              </xsl:when>
              <xsl:otherwise>
                <span class="figure-value"><xsl:apply-templates select="d:value/node()"/></span>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="d:unit">
              <span class="figure-unit"><xsl:text> </xsl:text><xsl:apply-templates select="d:unit/node()"/></span>
            </xsl:if>
          </p>
          <xsl:if test="d:note">
            <p class="figure-note"><xsl:apply-templates select="d:note/node()"/></p>
          </xsl:if>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="d:table">
    <div class="table-scroll" role="region" tabindex="0" aria-label="{d:caption}">
      <table class="data-table">
        <caption><xsl:apply-templates select="d:caption/node()"/></caption>
        <thead>
          <xsl:for-each select="d:row[@role = 'head']">
            <tr>
              <xsl:for-each select="d:cell">
                <th scope="col"><xsl:call-template name="cell-class"/><xsl:apply-templates/></th>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </thead>
        <tbody>
          <xsl:for-each select="d:row[not(@role = 'head')]">
            <tr>
              <xsl:if test="@role = 'current'"><xsl:attribute name="class">is-current</xsl:attribute></xsl:if>
              <xsl:for-each select="d:cell">
                <xsl:choose>
                  <xsl:when test="@role = 'header'">
                    <th scope="row"><xsl:call-template name="cell-class"/><xsl:apply-templates/></th>
                  </xsl:when>
                  <xsl:otherwise>
                    <td><xsl:call-template name="cell-class"/><xsl:apply-templates/></td>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="cell-class">
    <xsl:if test="@align = 'end' or @role = 'muted'">
      <xsl:attribute name="class">
        <xsl:if test="@align = 'end'">number </xsl:if>
        <xsl:if test="@role = 'muted'">muted</xsl:if>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="d:chart">
    <figure class="chart">
      <div class="chart-card" role="img" aria-label="{@description}">
        <xsl:copy-of select="svg:svg"/>
      </div>
    </figure>
  </xsl:template>

  <!-- Small multiples keep a readable size: on a narrow screen the figure
       scrolls sideways, a region the keyboard can reach. -->
  <xsl:template match="d:chart[@kind = 'trend']">
    <figure class="chart chart-trend">
      <div class="chart-scroll" role="region" tabindex="0" aria-label="{@description}">
        <div class="chart-card" role="img" aria-label="{@description}">
          <xsl:copy-of select="svg:svg"/>
        </div>
      </div>
    </figure>
  </xsl:template>

  <!-- A scored row: label and score, description, bar, band and notes. -->
  <xsl:template match="d:meter">
    <xsl:variable name="color">
      <xsl:choose>
        <xsl:when test="@stage">
          <xsl:call-template name="stage-color"><xsl:with-param name="stage" select="@stage"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>var(--fill)</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="meter">
      <xsl:if test="not(@fraction)"><xsl:attribute name="class">meter is-unassessed</xsl:attribute></xsl:if>
      <div class="meter-head">
        <xsl:choose>
          <xsl:when test="parent::d:section"><h3 class="meter-label"><xsl:value-of select="d:label"/></h3></xsl:when>
          <xsl:otherwise><p class="meter-label"><xsl:value-of select="d:label"/></p></xsl:otherwise>
        </xsl:choose>
        <p class="meter-score">
          <xsl:choose>
            <xsl:when test="d:value/@role = 'muted'"><span class="muted"><xsl:apply-templates select="d:value/node()"/></span></xsl:when>
            <xsl:otherwise>
              <span class="figure-value"><xsl:apply-templates select="d:value/node()"/></span>
              <span class="figure-unit"><xsl:text> </xsl:text><xsl:apply-templates select="d:unit/node()"/></span>
            </xsl:otherwise>
          </xsl:choose>
        </p>
      </div>
      <xsl:if test="d:description">
        <p class="meter-description"><xsl:value-of select="d:description"/></p>
      </xsl:if>
      <span class="bar" aria-hidden="true">
        <xsl:if test="@fraction">
          <span class="bar-fill" style="width:{format-number(@fraction * 100, '0.0')}%;background:{$color}"></span>
        </xsl:if>
        <xsl:for-each select="$document/d:palette/d:stage[position() &gt; 1]">
          <span class="bar-tick" style="left:{format-number(@fraction * 100, '0.0')}%"></span>
        </xsl:for-each>
      </span>
      <xsl:if test="d:chip or d:note">
        <ul class="meter-notes">
          <xsl:if test="d:chip"><li><xsl:apply-templates select="d:chip"/></li></xsl:if>
          <xsl:for-each select="d:note"><li><xsl:apply-templates/></li></xsl:for-each>
        </ul>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- A roadmap action or a playbook, numbered in its own series. -->
  <xsl:template match="d:card">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="@kind = 'playbook'">playbook-</xsl:when>
        <xsl:otherwise>action-</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="@number"/>
    </xsl:variable>
    <article class="action action-{@kind}" aria-labelledby="{$id}">
      <div class="action-number" aria-hidden="true"><xsl:value-of select="@number"/></div>
      <div class="action-body">
        <h4 class="action-title" id="{$id}"><xsl:apply-templates select="d:title/node()"/></h4>
        <xsl:if test="d:tags">
          <p class="action-tags">
            <xsl:for-each select="d:tags/d:tag">
              <span class="tag">
                <xsl:if test="@role = 'strong'"><xsl:attribute name="class">tag tag-strong</xsl:attribute></xsl:if>
                <xsl:apply-templates/>
              </span>
              <xsl:text> </xsl:text>
            </xsl:for-each>
          </p>
        </xsl:if>
        <xsl:apply-templates select="*[not(self::d:title or self::d:tags)]"/>
      </div>
    </article>
  </xsl:template>

  <xsl:template match="d:quote">
    <blockquote class="quote">
      <xsl:apply-templates select="*[not(self::d:cite)]"/>
      <xsl:if test="d:cite">
        <footer class="quote-cite"><xsl:text>— </xsl:text><cite><xsl:apply-templates select="d:cite/node()"/></cite></footer>
      </xsl:if>
    </blockquote>
  </xsl:template>

  <xsl:template match="d:pre">
    <pre><code><xsl:value-of select="."/></code></pre>
  </xsl:template>

  <xsl:template match="d:rule">
    <hr/>
  </xsl:template>

  <!-- Inline ========================================================== -->

  <xsl:template match="d:em"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="d:strong"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="d:code"><code><xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="d:br"><br/></xsl:template>
  <xsl:template match="d:seg"><xsl:apply-templates/></xsl:template>
  <xsl:template match="d:flag"><span class="flag"><xsl:apply-templates/></span></xsl:template>

  <xsl:template match="d:link">
    <xsl:variable name="url" select="translate(@href, $upper, $lower)"/>
    <xsl:choose>
      <xsl:when test="starts-with($url, 'https://') or starts-with($url, 'http://')
                      or starts-with($url, 'mailto:')">
        <a href="{@href}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:chip">
    <xsl:param name="size" select="@size"/>
    <span>
      <xsl:attribute name="class">
        <xsl:text>chip</xsl:text>
        <xsl:if test="$size = 'large'"> chip-large</xsl:if>
      </xsl:attribute>
      <xsl:attribute name="style">
        <xsl:text>--chip:</xsl:text>
        <xsl:call-template name="stage-color"><xsl:with-param name="stage" select="@stage"/></xsl:call-template>
      </xsl:attribute>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="d:change">
    <span class="change change-{@direction}">
      <xsl:choose>
        <xsl:when test="@direction = 'up'"><span aria-hidden="true">▲ </span></xsl:when>
        <xsl:when test="@direction = 'down'"><span aria-hidden="true">▼ </span></xsl:when>
      </xsl:choose>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- What the page does not show: the furniture and palette are read
       where they are used, brand and style by the head. -->
  <xsl:template match="d:furniture | d:palette | r:*"/>

</xsl:stylesheet>
