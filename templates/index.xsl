<?xml version="1.0" encoding="UTF-8"?>
<!-- The portfolio page: every team's stage and scores side by side, the
     stage distribution, a heatmap of teams by domain, the portfolio's median
     radar and the domains weakest across it.  Input: <render> holding the
     brand, the shared CSS, the median chart and <portfolio>.
     The page is written in parts so that a portfolio of any size fits in
     memory: without the rows parameter, the page, with a comment
     "rows:NAME" where each table's rows go; with it, only the rows
     named, for the teams of one chunk. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:maturity:render:1"
    xmlns:p="urn:maturity:portfolio:1"
    exclude-result-prefixes="r p">

  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:variable name="brand" select="/r:render/r:brand"/>
  <xsl:variable name="portfolio" select="/r:render/p:portfolio"/>
  <xsl:param name="rows" select="''"/>

  <xsl:template match="/r:render">
    <xsl:choose>
      <xsl:when test="$rows = 'heat'">
        <xsl:apply-templates select="$portfolio/p:team" mode="heat"/>
      </xsl:when>
      <xsl:when test="$rows = 'teams'">
        <xsl:apply-templates select="$portfolio/p:team" mode="teams"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="page"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/>
        <title>Portfolio · <xsl:value-of select="$brand/r:title"/></title>
        <style>
          <xsl:text>:root{--primary:</xsl:text><xsl:value-of select="$brand/@primary"/>
          <xsl:text>;--accent:</xsl:text><xsl:value-of select="$brand/@accent"/>
          <xsl:text>;--text:</xsl:text><xsl:value-of select="$brand/@text"/>
          <xsl:text>;--heading-font:"</xsl:text><xsl:value-of select="translate($brand/@heading-font, '&quot;\&lt;', '')"/>
          <xsl:text>",sans-serif;--body-font:"</xsl:text><xsl:value-of select="translate($brand/@body-font, '&quot;\&lt;', '')"/>
          <xsl:text>",sans-serif;}</xsl:text>
          <xsl:for-each select="$brand/r:stage-color">
            <xsl:text>.stage-</xsl:text><xsl:value-of select="@stage"/>
            <xsl:text>{--stage:</xsl:text><xsl:value-of select="."/><xsl:text>;}</xsl:text>
          </xsl:for-each>
        </style>
        <style>
          body.portfolio{margin:0;font-family:var(--body-font);color:var(--text);background:#f6f7f9;line-height:1.5}
          .portfolio .wrap{max-width:1180px;margin:0 auto;padding:32px 24px}
          .portfolio header.top{display:flex;align-items:center;gap:16px;border-bottom:3px solid var(--primary);padding-bottom:16px}
          .portfolio header.top img{width:48px;height:48px}
          .portfolio h1,.portfolio h2{font-family:var(--heading-font);color:var(--primary);margin:0}
          .portfolio h1{font-size:1.9rem}
          .portfolio h2{font-size:1.3rem;margin:0 0 12px}
          .portfolio .lede{margin:4px 0 0;color:#4a5563}
          .portfolio section{background:#fff;border:1px solid #e3e6ea;border-radius:10px;padding:20px 24px;margin-top:24px}
          .portfolio .grid{display:grid;grid-template-columns:1fr 1fr;gap:24px}
          .portfolio .stat{display:flex;gap:32px;flex-wrap:wrap;margin-top:8px}
          .portfolio .stat div{font-size:.9rem;color:#4a5563}
          .portfolio .stat strong{display:block;font-size:1.8rem;color:var(--text)}
          .portfolio .bar-row{display:grid;grid-template-columns:110px 1fr 48px;gap:10px;align-items:center;margin:8px 0}
          .portfolio .bar{height:14px;background:#eef0f3;border-radius:7px;overflow:hidden}
          .portfolio .bar span{display:block;height:100%;background:var(--stage,var(--primary))}
          .portfolio figure{margin:0}
          .portfolio figure svg{width:100%;height:auto}
          .portfolio table{border-collapse:collapse;width:100%;font-size:.9rem}
          .portfolio th,.portfolio td{padding:6px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
          .portfolio th{font-weight:600;color:#4a5563}
          .portfolio td.num,.portfolio th.num{text-align:right;font-variant-numeric:tabular-nums}
          .portfolio .heat td.cell{text-align:center;font-variant-numeric:tabular-nums;background:color-mix(in srgb,var(--stage) 22%,#fff)}
          .portfolio .heat td.none{text-align:center;color:#6b7280}
          .portfolio .heat tbody th{min-width:200px}
          .portfolio .chip{display:inline-block;padding:1px 8px;border-radius:999px;border:1.5px solid var(--stage);background:color-mix(in srgb,var(--stage) 12%,#fff);font-size:.8rem}
          .portfolio .scroll{overflow-x:auto}
          .portfolio a{color:var(--primary)}
          .portfolio footer{margin-top:32px;font-size:.8rem;color:#4a5563;border-top:1px solid #d5d9de;padding-top:12px}
          .portfolio ol.weak li{margin:6px 0}
          @media (max-width:800px){.portfolio .grid{grid-template-columns:1fr}}
          @media (prefers-color-scheme:dark){body.portfolio{background:#14171c;color:#e6e8eb}
            .portfolio section{background:#1d2127;border-color:#2c323a}
            .portfolio h1,.portfolio h2,.portfolio a{color:#9cc3ff}
            .portfolio .lede,.portfolio th,.portfolio .stat div,.portfolio footer{color:#b3bac3}
            .portfolio .stat strong{color:#e6e8eb}
            .portfolio .heat td.cell{background:color-mix(in srgb,var(--stage) 35%,#1d2127)}
            .portfolio .chip{background:color-mix(in srgb,var(--stage) 30%,#1d2127)}
            .portfolio figure{background:#fff;border-radius:8px;padding:8px}}
          @media print{body.portfolio{background:#fff}.portfolio section{break-inside:avoid;border:none;padding:0}}
        </style>
      </head>
      <body class="portfolio">
        <div class="wrap">
          <header class="top">
            <xsl:if test="$brand/@logo">
              <img src="{$brand/@logo}" alt=""/>
            </xsl:if>
            <div>
              <h1>Customer success portfolio</h1>
              <p class="lede">
                <xsl:value-of select="$brand/r:organization"/>
                <xsl:text> · </xsl:text>
                <xsl:value-of select="$portfolio/@teams"/>
                <xsl:text> teams · </xsl:text>
                <xsl:value-of select="$portfolio/p:title"/>
                <xsl:text> · generated </xsl:text>
                <xsl:value-of select="$portfolio/@generated"/>
              </p>
            </div>
          </header>
          <main>
            <div class="grid">
              <section aria-labelledby="stages">
                <h2 id="stages">Stage distribution</h2>
                <xsl:for-each select="$portfolio/p:stages/p:stage">
                  <div class="bar-row stage-{@id}">
                    <span><xsl:value-of select="."/></span>
                    <div class="bar" role="img" aria-label="{.}: {@count} teams">
                      <span style="width:{format-number(@fraction * 100, '0.0')}%"></span>
                    </div>
                    <span class="num"><xsl:value-of select="@count"/></span>
                  </div>
                </xsl:for-each>
                <h2 style="margin-top:24px">Weakest across the portfolio</h2>
                <ol class="weak">
                  <xsl:for-each select="$portfolio/p:domains/p:domain[@assessed &gt; 0][position() &lt;= 3]">
                    <li>
                      <strong><xsl:value-of select="."/></strong>
                      <xsl:text>: median </xsl:text>
                      <xsl:value-of select="@median"/>
                      <xsl:text> across </xsl:text>
                      <xsl:value-of select="@assessed"/>
                      <xsl:text> teams</xsl:text>
                    </li>
                  </xsl:for-each>
                </ol>
              </section>
              <section aria-labelledby="median">
                <h2 id="median">Portfolio median</h2>
                <figure role="img" aria-label="Radar chart of the median score of each domain across the portfolio">
                  <xsl:copy-of select="r:chart/*"/>
                </figure>
              </section>
            </div>

            <section aria-labelledby="heat">
              <h2 id="heat">Teams by domain</h2>
              <div class="scroll">
                <table class="heat">
                  <caption class="visually-hidden" style="text-align:left;color:inherit;padding-bottom:8px">Each team's domain scores from 1 to 4, shaded by the stage each score reaches.</caption>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <xsl:for-each select="$portfolio/p:domains/p:domain">
                        <xsl:sort select="@number" data-type="number"/>
                        <th scope="col" class="num"><xsl:value-of select="."/></th>
                      </xsl:for-each>
                    </tr>
                  </thead>
                  <tbody><xsl:comment>rows:heat</xsl:comment></tbody>
                </table>
              </div>
            </section>

            <section aria-labelledby="teams">
              <h2 id="teams">Every team</h2>
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col">Assessed</th>
                      <th scope="col">Stage</th>
                      <th scope="col" class="num">Overall</th>
                      <th scope="col" class="num">/10</th>
                      <th scope="col" class="num">Change</th>
                      <th scope="col">Reports</th>
                    </tr>
                  </thead>
                  <tbody><xsl:comment>rows:teams</xsl:comment></tbody>
                </table>
              </div>
            </section>
          </main>
          <footer>
            <xsl:value-of select="$brand/r:footer"/>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$brand/r:confidentiality"/>
            <xsl:text> · Generated </xsl:text>
            <xsl:value-of select="$portfolio/@generated"/>
          </footer>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- A team's row of the heatmap. -->
  <xsl:template match="p:team" mode="heat">
    <tr>
      <th scope="row"><xsl:value-of select="p:name"/></th>
      <xsl:for-each select="p:score">
        <xsl:choose>
          <xsl:when test="@value">
            <td class="cell stage-{@band}"><xsl:value-of select="@value"/></td>
          </xsl:when>
          <xsl:otherwise><td class="none">–</td></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <!-- A team's row of the list of every team. -->
  <xsl:template match="p:team" mode="teams">
    <xsl:variable name="stage" select="@stage"/>
    <tr>
      <th scope="row"><xsl:value-of select="p:name"/><br/><small><xsl:value-of select="@id"/></small></th>
      <td><xsl:value-of select="@date"/></td>
      <td><span class="chip stage-{@stage}"><xsl:value-of select="$portfolio/p:stages/p:stage[@id = $stage]"/></span></td>
      <td class="num"><xsl:value-of select="@overall"/></td>
      <td class="num"><xsl:value-of select="@score10"/></td>
      <td class="num">
        <xsl:choose>
          <xsl:when test="@change"><xsl:value-of select="@change"/></xsl:when>
          <xsl:otherwise>–</xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:for-each select="p:file">
          <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
          <a href="{@href}"><xsl:value-of select="."/></a>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
