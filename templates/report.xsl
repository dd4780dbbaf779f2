<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML report: one self-contained page per team, from the <render>
     document html.c builds (brand, CSS, chart and the report model).  The
     template only arranges what the model computed; every text goes through
     xsl:value-of, so libxslt escapes it.  Read report.css alongside. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:maturity:render:1"
                xmlns:m="urn:maturity:report:1"
                exclude-result-prefixes="r m">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- Markdown text keeps its spaces (a lone " " between a code span and
       bold text is meaningful); the indentation between elements does not. -->
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="m:text m:code m:code_block"/>

  <xsl:key name="stage" match="m:stages/m:stage" use="@id"/>
  <xsl:key name="stage-color" match="r:brand/r:stage-color" use="@stage"/>
  <xsl:key name="domain" match="m:domains/m:domain" use="@id"/>
  <xsl:key name="questions" match="m:answers/m:question" use="@domain"/>
  <xsl:key name="respondent" match="m:team/m:respondent" use="@id"/>
  <xsl:key name="metrics" match="m:stage-content/m:metric" use="@tier"/>

  <xsl:variable name="brand" select="/r:render/r:brand"/>
  <xsl:variable name="report" select="/r:render/m:report"/>
  <xsl:variable name="team" select="$report/m:team"/>
  <xsl:variable name="result" select="$report/m:result"/>
  <xsl:variable name="previous" select="$report/m:previous"/>
  <xsl:variable name="current" select="key('stage', $result/@stage)"/>
  <xsl:variable name="next" select="key('stage', $result/@next-stage)"/>
  <xsl:variable name="stage-count" select="count($report/m:stages/m:stage)"/>
  <xsl:variable name="several" select="$team/@respondents &gt; 1"/>

  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <!-- The page ======================================================== -->

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="generator" content="{$report/@generator}"/>
        <title>
          <xsl:value-of select="$team/m:name"/>
          <xsl:text> · </xsl:text>
          <xsl:value-of select="$brand/r:title"/>
        </title>
        <style><xsl:call-template name="brand-rule"/></style>
        <style><xsl:value-of select="/r:render/r:style"/></style>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to the report</a>
        <xsl:call-template name="cover"/>
        <xsl:call-template name="contents"/>
        <main id="main">
          <xsl:call-template name="summary"/>
          <xsl:if test="$report/m:strength">
            <xsl:call-template name="strengths"/>
          </xsl:if>
          <xsl:call-template name="profile"/>
          <xsl:call-template name="domains"/>
          <xsl:call-template name="stage"/>
          <xsl:call-template name="roadmap"/>
          <xsl:call-template name="appendix"/>
        </main>
        <footer class="report-footer">
          <p>
            <span class="report-footer-brand"><xsl:value-of select="$brand/r:footer"/></span>
            <span class="report-footer-note"><xsl:value-of select="$brand/r:confidentiality"/></span>
            <span class="report-footer-date">
              <xsl:text>Generated </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="$report/@generated"/>
              </xsl:call-template>
            </span>
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
    <xsl:call-template name="property">
      <xsl:with-param name="name" select="'--brand-primary'"/>
      <xsl:with-param name="value"><xsl:call-template name="color"><xsl:with-param name="hex" select="$brand/@primary"/><xsl:with-param name="default" select="'#1f3a5f'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="property">
      <xsl:with-param name="name" select="'--brand-accent'"/>
      <xsl:with-param name="value"><xsl:call-template name="color"><xsl:with-param name="hex" select="$brand/@accent"/><xsl:with-param name="default" select="'#2f7d8c'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="property">
      <xsl:with-param name="name" select="'--brand-text'"/>
      <xsl:with-param name="value"><xsl:call-template name="color"><xsl:with-param name="hex" select="$brand/@text"/><xsl:with-param name="default" select="'#1c2430'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="property">
      <xsl:with-param name="name" select="'--font-heading'"/>
      <xsl:with-param name="value"><xsl:call-template name="font-stack"><xsl:with-param name="family" select="$brand/@heading-font"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="property">
      <xsl:with-param name="name" select="'--font-body'"/>
      <xsl:with-param name="value"><xsl:call-template name="font-stack"><xsl:with-param name="family" select="$brand/@body-font"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:text>}&#10;@page{size:</xsl:text>
    <xsl:choose>
      <xsl:when test="$brand/@paper = 'letter'">letter</xsl:when>
      <xsl:otherwise>A4</xsl:otherwise>
    </xsl:choose>
    <xsl:text>}&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="property">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:value-of select="concat($name, ':', $value, ';')"/>
  </xsl:template>

  <!-- A colour written #rrggbb, or the default when it is anything else. -->
  <xsl:template name="color">
    <xsl:param name="hex"/>
    <xsl:param name="default" select="'#5c616a'"/>
    <xsl:choose>
      <xsl:when test="string-length($hex) = 7 and starts-with($hex, '#')
                      and translate(substring($hex, 2), '0123456789abcdefABCDEF', '') = ''">
        <xsl:value-of select="$hex"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
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

  <!-- 1. Cover ========================================================= -->

  <xsl:template name="cover">
    <header class="cover">
      <div class="wrap">
        <div class="cover-brand">
          <xsl:if test="starts-with($brand/@logo, 'data:image/png;base64,')">
            <img class="cover-logo" src="{$brand/@logo}" alt="" width="48" height="48"/>
          </xsl:if>
          <span class="cover-organization"><xsl:value-of select="$brand/r:organization"/></span>
        </div>
        <h1 class="cover-title">
          <span class="cover-kicker"><xsl:value-of select="$brand/r:title"/></span>
          <span class="visually-hidden">: </span>
          <span class="cover-team"><xsl:value-of select="$team/m:name"/></span>
        </h1>
        <dl class="cover-facts">
          <div>
            <dt>Organisation</dt>
            <dd><xsl:value-of select="$team/m:organization"/></dd>
          </div>
          <div>
            <dt>Assessed</dt>
            <dd>
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="$team/@date"/>
              </xsl:call-template>
            </dd>
          </div>
          <xsl:if test="$team/m:profile">
            <div>
              <dt>Profile</dt>
              <dd>
                <xsl:for-each select="$team/m:profile">
                  <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
                  <xsl:value-of select="."/>
                </xsl:for-each>
              </dd>
            </div>
          </xsl:if>
        </dl>
        <div class="cover-result">
          <div class="cover-stage">
            <p class="figure-label">Stage</p>
            <p>
              <xsl:call-template name="stage-chip">
                <xsl:with-param name="id" select="$result/@stage"/>
                <xsl:with-param name="class" select="'chip chip-large'"/>
              </xsl:call-template>
            </p>
            <p class="figure-note">
              <xsl:value-of select="concat('Stage ', $current/@number, ' of ', $stage-count, ': ')"/>
              <xsl:value-of select="$current/m:tagline"/>
            </p>
          </div>
          <div class="cover-score">
            <p class="figure-label">Overall score</p>
            <p class="figure">
              <span class="figure-value"><xsl:value-of select="$result/@score10"/></span>
              <span class="figure-unit"> / 10</span>
            </p>
            <p class="figure-note">
              <xsl:value-of select="$result/@overall"/>
              <xsl:text> out of 4</xsl:text>
            </p>
          </div>
          <div class="cover-respondents">
            <p class="figure-label">Respondents</p>
            <p class="figure">
              <span class="figure-value"><xsl:value-of select="$team/@respondents"/></span>
            </p>
            <p class="figure-note">
              <xsl:value-of select="concat('answering ', $result/@assessed, ' of ', count($report/m:domains/m:domain), ' domains')"/>
            </p>
          </div>
        </div>
        <xsl:call-template name="stage-track"/>
      </div>
    </header>
  </xsl:template>

  <!-- The stages along the 1 to 4 scale, with the team's overall score. -->
  <xsl:template name="stage-track">
    <div class="stage-track" role="img">
      <xsl:attribute name="aria-label">
        <xsl:value-of select="concat('Overall score ', $result/@overall, ' of 4, at stage ', $current/m:label)"/>
        <xsl:for-each select="$report/m:stages/m:stage">
          <xsl:value-of select="concat('; ', m:label, ' from ', @min)"/>
        </xsl:for-each>
      </xsl:attribute>
      <div class="stage-track-bar">
        <span class="stage-track-fill" style="width:{format-number($result/@fraction * 100, '0.0')}%"></span>
        <xsl:for-each select="$report/m:stages/m:stage">
          <span class="stage-track-stop">
            <xsl:if test="@current = 'true'"><xsl:attribute name="class">stage-track-stop is-current</xsl:attribute></xsl:if>
            <xsl:attribute name="style">
              <xsl:value-of select="concat('left:', format-number(@fraction * 100, '0.0'), '%;--chip:')"/>
              <xsl:call-template name="color">
                <xsl:with-param name="hex" select="string(key('stage-color', @id))"/>
              </xsl:call-template>
            </xsl:attribute>
            <span class="stage-track-label"><xsl:value-of select="m:label"/></span>
            <span class="stage-track-min"><xsl:value-of select="@min"/></span>
          </span>
        </xsl:for-each>
        <span class="stage-track-marker" style="left:{format-number($result/@fraction * 100, '0.0')}%">
          <span class="stage-track-score"><xsl:value-of select="$result/@overall"/></span>
        </span>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="contents">
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">Contents</h2>
      <ol>
        <li><a href="#summary">Executive summary</a></li>
        <xsl:if test="$report/m:strength">
          <li><a href="#strengths">Strengths</a></li>
        </xsl:if>
        <li><a href="#profile">Domain profile</a></li>
        <li><a href="#domains">Domain breakdown</a></li>
        <li><a href="#stage">The current stage</a></li>
        <li><a href="#roadmap">Priority-action roadmap</a></li>
        <li><a href="#appendix">Appendix: answers and method</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- 2. Executive summary ============================================= -->

  <xsl:template name="summary">
    <section id="summary" class="section" aria-labelledby="summary-title">
      <h2 id="summary-title">Executive summary</h2>
      <div class="verdict">
        <p class="verdict-stage">
          <xsl:call-template name="stage-chip">
            <xsl:with-param name="id" select="$result/@stage"/>
            <xsl:with-param name="class" select="'chip chip-large'"/>
          </xsl:call-template>
        </p>
        <div class="verdict-text">
          <p class="verdict-tagline"><xsl:value-of select="$current/m:tagline"/></p>
          <p>
            <xsl:value-of select="$team/m:name"/>
            <xsl:value-of select="concat(' is at ', $current/m:label, ', stage ', $current/@number, ' of ', $stage-count, ' in the ', $report/m:content/m:title, ' model, with an overall score of ')"/>
            <strong><xsl:value-of select="concat($result/@score10, ' out of 10')"/></strong>
            <xsl:value-of select="concat(' (', $result/@overall, ' on the 1 to 4 scale). ')"/>
            <xsl:choose>
              <xsl:when test="$next">
                <xsl:value-of select="concat('It is ', $result/@to-next-stage, ' points short of ', $next/m:label, ', which begins at ', $next/@min, '.')"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="concat($current/m:label, ' is the highest stage of the model.')"/>
              </xsl:otherwise>
            </xsl:choose>
          </p>
        </div>
      </div>

      <div class="findings">
        <section class="finding" aria-labelledby="finding-profile">
          <h3 id="finding-profile">Profile across domains</h3>
          <xsl:choose>
            <xsl:when test="$result/@uneven = 'true'">
              <p>The profile is uneven: one domain stands well above another.</p>
              <dl class="finding-pairs">
                <div>
                  <dt>Strongest</dt>
                  <dd>
                    <xsl:value-of select="key('domain', $result/@strongest)/m:label"/>
                    <span class="score-inline"><xsl:value-of select="key('domain', $result/@strongest)/@score"/></span>
                  </dd>
                </div>
                <div>
                  <dt>Weakest</dt>
                  <dd>
                    <xsl:value-of select="key('domain', $result/@weakest)/m:label"/>
                    <span class="score-inline"><xsl:value-of select="key('domain', $result/@weakest)/@score"/></span>
                  </dd>
                </div>
              </dl>
            </xsl:when>
            <xsl:otherwise>
              <p>The profile is even across domains: no domain stands well above or below the others, so progress depends on moving them together.</p>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$report/m:domains/m:domain[@assessed = 'false']">
            <p class="finding-note">
              <xsl:text>Not assessed: </xsl:text>
              <xsl:for-each select="$report/m:domains/m:domain[@assessed = 'false']">
                <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
                <xsl:value-of select="m:label"/>
              </xsl:for-each>
              <xsl:text>. The overall score leaves it out.</xsl:text>
            </p>
          </xsl:if>
        </section>

        <section class="finding" aria-labelledby="finding-alignment">
          <h3 id="finding-alignment">
            <xsl:choose>
              <xsl:when test="$report/m:disagreement">Where respondents disagree</xsl:when>
              <xsl:otherwise>Agreement between respondents</xsl:otherwise>
            </xsl:choose>
          </h3>
          <xsl:choose>
            <xsl:when test="$report/m:disagreement">
              <p>Respondents answered these domains far apart; agree on the facts before planning work there.</p>
              <ul class="finding-list">
                <xsl:for-each select="$report/m:disagreement">
                  <li>
                    <span class="flag">Not aligned</span>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="key('domain', @domain)/m:label"/>
                    <span class="finding-detail">
                      <xsl:value-of select="concat('answers ', @spread, ' points apart')"/>
                    </span>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:when test="$several">
              <p>The respondents broadly agree in every domain.</p>
            </xsl:when>
            <xsl:otherwise>
              <p>One person answered, so agreement within the team cannot be measured.</p>
            </xsl:otherwise>
          </xsl:choose>
        </section>

        <xsl:if test="$previous">
          <section class="finding" aria-labelledby="finding-change">
            <h3 id="finding-change">Since the last assessment</h3>
            <p class="finding-figure">
              <xsl:call-template name="change">
                <xsl:with-param name="value" select="$previous/@change"/>
              </xsl:call-template>
              <span class="finding-detail"> overall</span>
            </p>
            <p>
              <xsl:text>On </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="$previous/@date"/>
              </xsl:call-template>
              <xsl:value-of select="concat(' the overall score was ', $previous/@overall, ' and the team was at ', key('stage', $previous/@stage)/m:label, '; ')"/>
              <xsl:choose>
                <xsl:when test="$previous/@stage = $result/@stage">
                  <xsl:value-of select="concat('it is still at ', $current/m:label, '.')"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="concat('it is now at ', $current/m:label, '.')"/>
                </xsl:otherwise>
              </xsl:choose>
            </p>
          </section>
        </xsl:if>

        <xsl:if test="$report/m:charter">
          <section class="finding" aria-labelledby="finding-charters">
            <h3 id="finding-charters">Charters</h3>
            <ul class="charters">
              <xsl:for-each select="$report/m:charter">
                <li class="charter">
                  <span class="charter-label"><xsl:value-of select="m:label"/></span>
                  <xsl:choose>
                    <xsl:when test="@assessed = 'true'">
                      <span class="charter-score"><xsl:value-of select="@score"/></span>
                      <span class="bar bar-small" aria-hidden="true">
                        <span class="bar-fill" style="width:{format-number(@fraction * 100, '0.0')}%"></span>
                      </span>
                    </xsl:when>
                    <xsl:otherwise>
                      <span class="charter-score muted">Not assessed</span>
                    </xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
      </div>
    </section>
  </xsl:template>

  <!-- 3. Strengths ===================================================== -->

  <xsl:template name="strengths">
    <section id="strengths" class="section" aria-labelledby="strengths-title">
      <h2 id="strengths-title">Strengths</h2>
      <p class="section-intro">What the team already does well: its best answer in each domain where it reached level 3 or 4.</p>
      <ul class="strengths">
        <xsl:for-each select="$report/m:strength">
          <li class="strength">
            <p class="eyebrow"><xsl:value-of select="m:domain-label"/></p>
            <p><xsl:value-of select="m:text"/></p>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- 4. Radar chart and its table ===================================== -->

  <xsl:template name="profile">
    <section id="profile" class="section" aria-labelledby="profile-title">
      <h2 id="profile-title">Domain profile</h2>
      <figure class="chart">
        <div class="chart-card" role="img">
          <xsl:attribute name="aria-label">
            <xsl:text>Radar chart of the domain scores on the 1 to 4 scale</xsl:text>
            <xsl:for-each select="$report/m:domains/m:domain">
              <xsl:value-of select="concat('; ', m:label, ' ')"/>
              <xsl:choose>
                <xsl:when test="@assessed = 'true'"><xsl:value-of select="@score"/></xsl:when>
                <xsl:otherwise>not assessed</xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:attribute>
          <xsl:copy-of select="/r:render/r:chart/*"/>
        </div>
        <figcaption>
          <xsl:text>Each axis is one domain, from 1 at the centre to 4 at the edge; the dashed rings mark where each stage begins</xsl:text>
          <xsl:if test="$previous">
            <xsl:text>, and the dashed outline is the previous assessment</xsl:text>
          </xsl:if>
          <xsl:text>. The table below gives the same figures.</xsl:text>
        </figcaption>
      </figure>
      <table class="data-table">
        <caption>Domain scores, strongest first</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col" class="number">Score</th>
            <th scope="col">Band</th>
            <xsl:if test="$previous">
              <th scope="col" class="number">Previous</th>
              <th scope="col" class="number">Change</th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$report/m:domains/m:domain">
            <tr>
              <th scope="row"><xsl:value-of select="m:label"/></th>
              <xsl:choose>
                <xsl:when test="@assessed = 'true'">
                  <td class="number"><xsl:value-of select="@score"/></td>
                  <td><xsl:value-of select="key('stage', @band)/m:label"/></td>
                </xsl:when>
                <xsl:otherwise>
                  <td class="number muted">Not assessed</td>
                  <td class="muted">None</td>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$previous">
                <xsl:choose>
                  <xsl:when test="@previous">
                    <td class="number"><xsl:value-of select="@previous"/></td>
                    <td class="number">
                      <xsl:call-template name="change">
                        <xsl:with-param name="value" select="@change"/>
                      </xsl:call-template>
                    </td>
                  </xsl:when>
                  <xsl:otherwise>
                    <td class="number muted">None</td>
                    <td class="number muted">None</td>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- 5. Domain breakdown ============================================== -->

  <xsl:template name="domains">
    <section id="domains" class="section" aria-labelledby="domains-title">
      <h2 id="domains-title">Domain breakdown</h2>
      <p class="section-intro">
        <xsl:text>Domains from strongest to weakest. Each bar runs from 1 to 4; the marks on it show where </xsl:text>
        <xsl:for-each select="$report/m:stages/m:stage[position() &gt; 1]">
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="position() = last()"><xsl:text> and </xsl:text></xsl:when>
              <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:value-of select="m:label"/>
        </xsl:for-each>
        <xsl:text> begin.</xsl:text>
      </p>
      <ol class="domain-list">
        <xsl:for-each select="$report/m:domains/m:domain">
          <li class="domain">
            <xsl:if test="@assessed = 'false'">
              <xsl:attribute name="class">domain is-unassessed</xsl:attribute>
            </xsl:if>
            <div class="domain-head">
              <h3 class="domain-title"><xsl:value-of select="m:label"/></h3>
              <p class="domain-score">
                <xsl:choose>
                  <xsl:when test="@assessed = 'true'">
                    <span class="figure-value"><xsl:value-of select="@score"/></span>
                    <span class="figure-unit"> / 4</span>
                  </xsl:when>
                  <xsl:otherwise><span class="muted">Not assessed</span></xsl:otherwise>
                </xsl:choose>
              </p>
            </div>
            <p class="domain-description"><xsl:value-of select="m:description"/></p>
            <span class="bar" aria-hidden="true">
              <xsl:if test="@assessed = 'true'">
                <span class="bar-fill" style="width:{format-number(@fraction * 100, '0.0')}%"></span>
              </xsl:if>
              <xsl:for-each select="$report/m:stages/m:stage[position() &gt; 1]">
                <span class="bar-tick" style="left:{format-number(@fraction * 100, '0.0')}%"></span>
              </xsl:for-each>
            </span>
            <ul class="domain-facts">
              <xsl:choose>
                <xsl:when test="@assessed = 'true'">
                  <li>
                    <span class="visually-hidden">Band: </span>
                    <xsl:call-template name="stage-chip">
                      <xsl:with-param name="id" select="@band"/>
                    </xsl:call-template>
                  </li>
                  <xsl:if test="@change">
                    <li>
                      <xsl:call-template name="change">
                        <xsl:with-param name="value" select="@change"/>
                      </xsl:call-template>
                      <xsl:value-of select="concat(' since last time (', @previous, ')')"/>
                    </li>
                  </xsl:if>
                  <xsl:if test="$several">
                    <li>
                      <xsl:value-of select="concat('Respondents’ spread ', @spread)"/>
                      <xsl:if test="@disagreement = 'true'">
                        <xsl:text> </xsl:text>
                        <span class="flag">Not aligned</span>
                      </xsl:if>
                    </li>
                  </xsl:if>
                  <xsl:if test="@percentile">
                    <li><xsl:value-of select="concat('Percentile ', @percentile, ' in the portfolio')"/></li>
                  </xsl:if>
                </xsl:when>
                <xsl:otherwise>
                  <li>No question in this domain was answered, so it counts neither for nor against the overall score.</li>
                </xsl:otherwise>
              </xsl:choose>
            </ul>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <!-- 6. The current stage ============================================= -->

  <xsl:template name="stage">
    <xsl:variable name="content" select="$report/m:stage-content"/>
    <section id="stage" class="section" aria-labelledby="stage-title">
      <h2 id="stage-title">
        <xsl:value-of select="concat('The current stage: ', key('stage', $content/@stage)/m:label)"/>
      </h2>
      <xsl:for-each select="$content/m:section[@id != 'actions' and @id != 'unlocks']">
        <xsl:call-template name="content-section"/>
      </xsl:for-each>
      <xsl:if test="$content/m:metric">
        <section class="subsection metrics" aria-labelledby="stage-metrics">
          <h3 id="stage-metrics">Metrics to track</h3>
          <div class="metric-groups">
            <xsl:call-template name="metric-group">
              <xsl:with-param name="tier" select="'must'"/>
              <xsl:with-param name="title" select="'Must track'"/>
            </xsl:call-template>
            <xsl:call-template name="metric-group">
              <xsl:with-param name="tier" select="'worth'"/>
              <xsl:with-param name="title" select="'Worth tracking'"/>
            </xsl:call-template>
            <xsl:call-template name="metric-group">
              <xsl:with-param name="tier" select="'not-yet'"/>
              <xsl:with-param name="title" select="'Not yet'"/>
            </xsl:call-template>
          </div>
        </section>
      </xsl:if>
      <xsl:for-each select="$content/m:section[@id = 'unlocks']">
        <xsl:call-template name="content-section"/>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="content-section">
    <section class="subsection prose stage-{@id}" aria-labelledby="stage-section-{position()}-{@id}">
      <h3 id="stage-section-{position()}-{@id}"><xsl:value-of select="@heading"/></h3>
      <xsl:apply-templates mode="markdown"/>
    </section>
  </xsl:template>

  <xsl:template name="metric-group">
    <xsl:param name="tier"/>
    <xsl:param name="title"/>
    <xsl:if test="key('metrics', $tier)">
      <div class="metric-group metric-{$tier}">
        <h4><xsl:value-of select="$title"/></h4>
        <dl>
          <xsl:for-each select="key('metrics', $tier)">
            <dt><xsl:value-of select="@name"/></dt>
            <dd><xsl:value-of select="."/></dd>
          </xsl:for-each>
        </dl>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- CommonMark as XML (markdown.c) to HTML.  Links were already limited
       to http, https and mailto there; they are checked again here. -->

  <xsl:template match="m:paragraph" mode="markdown">
    <xsl:choose>
      <xsl:when test="parent::m:item and ../../@tight = 'true'">
        <xsl:apply-templates mode="markdown"/>
        <xsl:if test="following-sibling::*[1][self::m:paragraph]"><br/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:apply-templates mode="markdown"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:list[@type = 'ordered']" mode="markdown">
    <ol>
      <xsl:if test="@start != '1' and string(number(@start)) != 'NaN'">
        <xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="markdown"/>
    </ol>
  </xsl:template>

  <xsl:template match="m:list" mode="markdown">
    <ul><xsl:apply-templates mode="markdown"/></ul>
  </xsl:template>

  <xsl:template match="m:item" mode="markdown">
    <li><xsl:apply-templates mode="markdown"/></li>
  </xsl:template>

  <xsl:template match="m:heading" mode="markdown">
    <h4><xsl:apply-templates mode="markdown"/></h4>
  </xsl:template>

  <xsl:template match="m:block_quote" mode="markdown">
    <blockquote><xsl:apply-templates mode="markdown"/></blockquote>
  </xsl:template>

  <xsl:template match="m:code_block" mode="markdown">
    <pre><code><xsl:value-of select="."/></code></pre>
  </xsl:template>

  <xsl:template match="m:thematic_break" mode="markdown">
    <hr/>
  </xsl:template>

  <xsl:template match="m:emph" mode="markdown">
    <em><xsl:apply-templates mode="markdown"/></em>
  </xsl:template>

  <xsl:template match="m:strong" mode="markdown">
    <strong><xsl:apply-templates mode="markdown"/></strong>
  </xsl:template>

  <xsl:template match="m:code" mode="markdown">
    <code><xsl:value-of select="."/></code>
  </xsl:template>

  <xsl:template match="m:text" mode="markdown">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="m:softbreak" mode="markdown">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="m:linebreak" mode="markdown">
    <br/>
  </xsl:template>

  <xsl:template match="m:link" mode="markdown">
    <xsl:variable name="url" select="translate(@destination, $upper, $lower)"/>
    <xsl:choose>
      <xsl:when test="starts-with($url, 'https://') or starts-with($url, 'http://')
                      or starts-with($url, 'mailto:')">
        <a href="{@destination}"><xsl:apply-templates mode="markdown"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="markdown"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anything else keeps its text and nothing more. -->
  <xsl:template match="*" mode="markdown">
    <xsl:apply-templates mode="markdown"/>
  </xsl:template>

  <!-- 7. Roadmap ======================================================= -->

  <xsl:template name="roadmap">
    <xsl:variable name="roadmap" select="$report/m:roadmap"/>
    <section id="roadmap" class="section" aria-labelledby="roadmap-title">
      <h2 id="roadmap-title">Priority-action roadmap</h2>
      <div class="horizon">
        <xsl:choose>
          <xsl:when test="$roadmap/@months-estimate and $next">
            <p class="horizon-figure">
              <span class="figure-label">
                <xsl:value-of select="concat('Estimated time to ', $next/m:label)"/>
              </span>
              <span class="figure-value"><xsl:value-of select="$roadmap/@months-estimate"/></span>
              <span class="figure-unit"> months</span>
            </p>
            <p>
              <xsl:value-of select="concat('A move from ', $current/m:label, ' to ', $next/m:label, ' typically takes ', $roadmap/@months-low, ' to ', $roadmap/@months-high, ' months; the estimate places this team within that range from how far it already is. The actions below are ordered to get there: alignment and foundations first.')"/>
              <xsl:if test="$roadmap//m:action[@foundation = 'true']">
                <xsl:value-of select="concat(' A foundation action works on a domain still below the ', $current/m:label, ' minimum.')"/>
              </xsl:if>
            </p>
          </xsl:when>
          <xsl:otherwise>
            <p class="horizon-figure">
              <span class="figure-label">Sustain</span>
              <span class="figure-value horizon-word"><xsl:value-of select="$current/m:label"/></span>
            </p>
            <p>
              <xsl:value-of select="concat($current/m:label, ' is the highest stage, so there is no next stage to estimate. The work now is to sustain it: keep the practices calibrated as the business changes, and lift the domains that still trail the rest.')"/>
              <xsl:if test="$roadmap//m:action[@foundation = 'true']">
                <xsl:value-of select="concat(' A foundation action works on a domain still below the ', $current/m:label, ' minimum.')"/>
              </xsl:if>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <xsl:for-each select="$roadmap/m:phase">
        <section class="phase" aria-labelledby="phase-{@number}">
          <h3 id="phase-{@number}" class="phase-title">
            <span class="phase-number"><xsl:value-of select="concat('Phase ', @number)"/></span>
            <span class="visually-hidden">: </span>
            <xsl:value-of select="m:label"/>
          </h3>
          <xsl:choose>
            <xsl:when test="m:action">
              <ol class="actions">
                <xsl:for-each select="m:action">
                  <xsl:call-template name="action"/>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p class="muted">No action is planned in this phase.</p>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="action">
    <li class="action action-{@source}" value="{@order}">
      <div class="action-number" aria-hidden="true"><xsl:value-of select="@order"/></div>
      <div class="action-body">
        <h4 class="action-title">
          <span class="visually-hidden"><xsl:value-of select="concat('Action ', @order, ': ')"/></span>
          <xsl:value-of select="m:title"/>
        </h4>
        <p class="action-meta">
          <xsl:choose>
            <xsl:when test="@source = 'alignment'"><span class="tag tag-strong">Alignment action</span></xsl:when>
            <xsl:when test="@source = 'stage'"><span class="tag tag-strong">Stage action</span></xsl:when>
          </xsl:choose>
          <xsl:if test="@foundation = 'true'">
            <span class="tag">Foundation</span>
          </xsl:if>
          <span class="action-domain"><xsl:value-of select="m:domain-label"/></span>
          <xsl:if test="@score">
            <span class="action-score"><xsl:value-of select="concat('current score ', @score)"/></span>
          </xsl:if>
        </p>
        <xsl:if test="@source = 'answer' and m:answer">
          <p class="action-because">
            <span class="action-because-label">Because you answered: </span>
            <q><xsl:value-of select="m:answer"/></q>
          </p>
        </xsl:if>
        <xsl:if test="m:lead">
          <p class="action-lead"><em><xsl:value-of select="m:lead"/></em></p>
        </xsl:if>
        <p class="action-text"><xsl:value-of select="m:text"/></p>
      </div>
    </li>
  </xsl:template>

  <!-- 8. Appendix ====================================================== -->

  <xsl:template name="appendix">
    <section id="appendix" class="section appendix" aria-labelledby="appendix-title">
      <h2 id="appendix-title">Appendix</h2>

      <section class="subsection" aria-labelledby="appendix-answers">
        <h3 id="appendix-answers">Answers by domain</h3>
        <xsl:if test="$several">
          <p class="section-intro">
            <xsl:text>The team's answer is the option nearest the mean of the respondents' levels. Each respondent's level follows it, with their own answer in full where it differs, and their comments.</xsl:text>
          </p>
        </xsl:if>
        <xsl:for-each select="$report/m:domains/m:domain">
          <xsl:sort select="@number" data-type="number"/>
          <section class="answer-domain" aria-labelledby="answers-{@number}">
            <h4 id="answers-{@number}"><xsl:value-of select="m:label"/></h4>
            <ol class="questions">
              <xsl:for-each select="key('questions', @id)">
                <xsl:call-template name="question"/>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each>
      </section>

      <section class="subsection" aria-labelledby="appendix-method">
        <h3 id="appendix-method">How the scores are calculated</h3>
        <div class="prose">
          <p>Each question offers four options scored 1 to 4. A question's value is the mean of the respondents' scores. A domain's score is the mean of its answered questions, rounded to two decimals; a domain with no answered question is not assessed. The overall score is the weighted mean of the assessed domains.</p>
          <p>
            <xsl:value-of select="concat('The team is at the highest stage whose minimum the overall score reaches. The score out of 10 is the overall score multiplied by 2.5, so ', $result/@overall, ' becomes ', $result/@score10, '.')"/>
          </p>
        </div>
        <table class="data-table stages-table">
          <caption><xsl:value-of select="concat('Stages of ', $report/m:content/m:title)"/></caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" class="number">Minimum</th>
              <th scope="col">In short</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$report/m:stages/m:stage">
              <tr>
                <xsl:if test="@current = 'true'"><xsl:attribute name="class">is-current</xsl:attribute></xsl:if>
                <th scope="row">
                  <xsl:value-of select="concat(@number, '. ', m:label)"/>
                  <xsl:if test="@current = 'true'"><span class="current-note"> (this team)</span></xsl:if>
                </th>
                <td class="number"><xsl:value-of select="@min"/></td>
                <td><xsl:value-of select="m:tagline"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </section>

      <section class="subsection" aria-labelledby="appendix-about">
        <h3 id="appendix-about">About this report</h3>
        <dl class="about">
          <div>
            <dt>Content pack</dt>
            <dd>
              <xsl:value-of select="$report/m:content/m:title"/>
              <xsl:value-of select="concat(' (', $report/m:content/@id, ', version ', $report/m:content/@version, ')')"/>
            </dd>
          </div>
          <div>
            <dt>Respondents</dt>
            <dd>
              <ul class="plain">
                <xsl:for-each select="$team/m:respondent">
                  <li>
                    <xsl:value-of select="@id"/>
                    <xsl:if test="@role"><xsl:value-of select="concat(', ', @role)"/></xsl:if>
                  </li>
                </xsl:for-each>
              </ul>
            </dd>
          </div>
          <div>
            <dt>Generated</dt>
            <dd>
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="$report/@generated"/>
              </xsl:call-template>
              <xsl:value-of select="concat(' by ', $report/@generator)"/>
            </dd>
          </div>
        </dl>
      </section>
    </section>
  </xsl:template>

  <!-- One question of the appendix: the team's answer, then with several
       respondents each one's level, and in full only the answers that differ
       from the team's and the comments. -->
  <xsl:template name="question">
    <li class="question">
      <p class="question-text"><xsl:value-of select="m:text"/></p>
      <xsl:choose>
        <xsl:when test="@answered = 'true'">
          <p class="question-answer">
            <span class="answer-level">
              <xsl:value-of select="concat('Level ', @option)"/>
              <xsl:if test="$several"><xsl:value-of select="concat(' · mean ', @value)"/></xsl:if>
            </span>
            <xsl:text> </xsl:text>
            <xsl:value-of select="m:chosen"/>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <p class="question-answer is-unanswered"><span class="answer-level">Not answered</span></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$several and m:response">
        <ul class="respondent-levels" aria-label="Each respondent's level">
          <xsl:for-each select="m:response">
            <li>
              <span class="respondent-name"><xsl:value-of select="@respondent"/></span>
              <xsl:text> </xsl:text>
              <xsl:choose>
                <xsl:when test="@score">
                  <span class="respondent-level"><xsl:value-of select="@score"/></span>
                </xsl:when>
                <xsl:otherwise><span class="muted">not answered</span></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:variable name="details" select="m:response[m:comment or ($several and @score and string(m:option) != string(../m:chosen))]"/>
      <xsl:if test="$details">
        <ul class="responses">
          <xsl:for-each select="$details">
            <li>
              <xsl:if test="$several">
                <p class="response-who">
                  <span class="response-name"><xsl:value-of select="@respondent"/></span>
                  <xsl:if test="key('respondent', @respondent)/@role">
                    <xsl:value-of select="concat(', ', key('respondent', @respondent)/@role)"/>
                  </xsl:if>
                </p>
                <xsl:if test="@score and string(m:option) != string(../m:chosen)">
                  <p class="response-option">
                    <span class="answer-level"><xsl:value-of select="concat('Level ', @score)"/></span>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="m:option"/>
                  </p>
                </xsl:if>
              </xsl:if>
              <xsl:if test="m:comment">
                <blockquote class="response-comment">
                  <p><xsl:value-of select="m:comment"/></p>
                </blockquote>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Small parts ====================================================== -->

  <!-- A stage's label in a chip tinted with its colour. -->
  <xsl:template name="stage-chip">
    <xsl:param name="id"/>
    <xsl:param name="class" select="'chip'"/>
    <span class="{$class}">
      <xsl:attribute name="style">
        <xsl:text>--chip:</xsl:text>
        <xsl:call-template name="color">
          <xsl:with-param name="hex" select="string(key('stage-color', $id))"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:value-of select="key('stage', $id)/m:label"/>
    </span>
  </xsl:template>

  <!-- A signed change such as "+0.85": an arrow, then the figure with a
       true minus sign. -->
  <xsl:template name="change">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="number($value) = 0">
        <span class="change change-none"><span aria-hidden="true">= </span>no change</span>
      </xsl:when>
      <xsl:when test="starts-with($value, '-')">
        <span class="change change-down">
          <span aria-hidden="true">▼ </span>
          <xsl:value-of select="translate($value, '-', '−')"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="change change-up">
          <span aria-hidden="true">▲ </span>
          <xsl:value-of select="$value"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "2026-10-14" as "14 October 2026"; anything else as it is. -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="month" select="number(substring($iso, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 10 and $month &gt;= 1 and $month &lt;= 12">
        <xsl:value-of select="number(substring($iso, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring-before(substring-after(
          '01January|02February|03March|04April|05May|06June|07July|08August|09September|10October|11November|12December|',
          substring($iso, 6, 2)), '|')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($iso, 1, 4)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
