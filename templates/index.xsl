<?xml version="1.0" encoding="UTF-8"?>
<!-- The portfolio page: the stage distribution, the portfolio's median
     radar and the domains weakest across it, the stages quarter by quarter
     and the teams that moved, each unit's stages and medians, a heatmap of
     teams by domain and every team in a table that sorts.  Input: <render>
     holding the brand, the shared CSS, the median chart and <portfolio>
     (with the sorting script and its hash for the page's policy).
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
      <xsl:when test="$rows = 'movers'">
        <xsl:apply-templates select="$portfolio/p:mover"/>
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
              content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '{$portfolio/p:script/@hash}'"/>
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
          .portfolio h1,.portfolio h2,.portfolio h3,.portfolio h4,.portfolio h5,.portfolio h6{font-family:var(--heading-font);color:var(--primary);margin:0}
          .portfolio h1{font-size:1.9rem}
          .portfolio h2{font-size:1.3rem;margin:0 0 12px}
          .portfolio h3,.portfolio h4,.portfolio h5,.portfolio h6{font-size:1.05rem;margin:16px 0 8px}
          .portfolio .lede{margin:4px 0 0;color:#4a5563}
          .portfolio .note{color:#4a5563;font-size:.9rem;margin:4px 0 12px}
          .portfolio section{background:#fff;border:1px solid #e3e6ea;border-radius:10px;padding:20px 24px;margin-top:24px}
          .portfolio .grid{display:grid;grid-template-columns:1fr 1fr;gap:24px}
          .portfolio .grid section{min-width:0}
          .portfolio .bar-row{display:grid;grid-template-columns:110px 1fr 48px;gap:10px;align-items:center;margin:8px 0}
          .portfolio .bar{height:14px;background:#eef0f3;border-radius:7px;overflow:hidden}
          .portfolio .bar span{display:block;height:100%;background:var(--stage,var(--primary))}
          .portfolio .stack{display:flex;height:14px;min-width:120px;background:#eef0f3;border-radius:7px;overflow:hidden}
          .portfolio .stack span{display:block;height:100%;background:var(--stage)}
          .portfolio figure{margin:0}
          .portfolio figure svg{width:100%;height:auto}
          .portfolio table{border-collapse:collapse;width:100%;font-size:.9rem}
          .portfolio caption{text-align:left;color:inherit;padding-bottom:8px}
          .portfolio th,.portfolio td{padding:6px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
          .portfolio th{font-weight:600;color:#4a5563}
          .portfolio td.num,.portfolio th.num{text-align:right;font-variant-numeric:tabular-nums}
          .portfolio td.cell{text-align:center;font-variant-numeric:tabular-nums;background:color-mix(in srgb,var(--stage) 22%,#fff)}
          .portfolio td.none{text-align:center;color:#6b7280}
          .portfolio .heat tbody th{min-width:180px}
          .portfolio .chip{display:inline-block;padding:1px 8px;border-radius:999px;border:1.5px solid var(--stage);background:color-mix(in srgb,var(--stage) 12%,#fff);font-size:.8rem;white-space:nowrap}
          .portfolio .scroll{overflow-x:auto}
          .portfolio .visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
          .portfolio table.quarters tbody th,.portfolio table.teams td.date{white-space:nowrap}
          .portfolio .heat thead th{min-width:110px}
          .portfolio .heat tbody th{position:sticky;left:0;background:#fff;z-index:1}
          .portfolio .scroll:focus-visible{outline:3px solid var(--primary);outline-offset:2px}
          .portfolio a{color:var(--primary)}
          .portfolio footer{margin-top:32px;font-size:.8rem;color:#4a5563;border-top:1px solid #d5d9de;padding-top:12px}
          .portfolio ol.weak li{margin:6px 0}
          .portfolio ul.legend{display:flex;flex-wrap:wrap;gap:8px 20px;list-style:none;margin:0 0 12px;padding:0;font-size:.85rem}
          .portfolio ul.legend li{display:flex;align-items:center;gap:6px}
          .portfolio .swatch{display:inline-block;width:18px;height:14px;border-radius:3px;border:1px solid var(--stage);background:color-mix(in srgb,var(--stage) 22%,#fff)}
          .portfolio .key{display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--stage)}
          .portfolio .units{display:grid;gap:12px}
          .portfolio .unit{border:1px solid #e3e6ea;border-left:4px solid var(--primary);border-radius:8px;padding:12px 16px}
          .portfolio .unit.depth-2{margin-left:24px}
          .portfolio .unit.depth-3{margin-left:48px}
          .portfolio .unit.depth-4{margin-left:72px}
          .portfolio .unit h3,.portfolio .unit h4,.portfolio .unit h5,.portfolio .unit h6{margin:0 0 4px}
          .portfolio .unit .parent{color:#4a5563;font-weight:400}
          .portfolio .unit p{margin:0 0 8px;font-size:.9rem}
          .portfolio ul.counts{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:6px 0 8px;padding:0;font-size:.85rem}
          .portfolio ul.counts li{display:flex;align-items:center;gap:6px}
          .portfolio ul.medians{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:4px 12px;list-style:none;margin:0;padding:0;font-size:.85rem}
          .portfolio ul.medians li{display:flex;justify-content:space-between;align-items:flex-start;gap:8px;border-bottom:1px solid #eef0f3;padding:2px 0}
          .portfolio ul.medians .value{font-variant-numeric:tabular-nums;padding:0 6px;border-radius:4px;background:color-mix(in srgb,var(--stage) 22%,#fff)}
          .portfolio button.sort{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
          .portfolio button.sort::after{content:" ↕";color:#6b7280}
          .portfolio th[aria-sort=ascending] button.sort::after{content:" ▲";color:inherit}
          .portfolio th[aria-sort=descending] button.sort::after{content:" ▼";color:inherit}
          .portfolio button.sort:focus-visible{outline:3px solid var(--primary);outline-offset:2px}
          @media (max-width:800px){.portfolio .grid{grid-template-columns:1fr}}
          @media (max-width:520px){.portfolio .wrap{padding:16px 10px}
            .portfolio section{padding:14px 12px}
            .portfolio h1{font-size:1.4rem}
            .portfolio header.top img{width:36px;height:36px}
            .portfolio .bar-row{grid-template-columns:80px 1fr 40px}
            .portfolio .heat tbody th{min-width:130px;max-width:150px}
            .portfolio table.teams,.portfolio table.teams tbody,.portfolio table.teams tr,.portfolio table.teams th,.portfolio table.teams td{display:block}
            .portfolio table.teams thead tr{display:flex;flex-wrap:wrap;gap:4px 12px;padding-bottom:8px;border-bottom:1px solid #e3e6ea}
            .portfolio table.teams thead th{border:0;padding:2px 0}
            .portfolio table.teams tbody tr{padding:8px 0;border-bottom:1px solid #e3e6ea}
            .portfolio table.teams tbody th,.portfolio table.teams td{border:0;padding:1px 0;text-align:left}
            .portfolio table.teams td:empty{display:none}
            .portfolio table.teams td::before{content:attr(data-label) ": ";font-weight:600;color:#4a5563}
            .portfolio th,.portfolio td{padding:5px 6px}
            .portfolio .unit.depth-2{margin-left:10px}
            .portfolio .unit.depth-3{margin-left:20px}
            .portfolio .unit.depth-4{margin-left:30px}}
          @media (prefers-color-scheme:dark){body.portfolio{background:#14171c;color:#e6e8eb}
            .portfolio section{background:#1d2127;border-color:#2c323a}
            .portfolio h1,.portfolio h2,.portfolio h3,.portfolio h4,.portfolio h5,.portfolio h6,.portfolio a{color:#9cc3ff}
            .portfolio .lede,.portfolio .note,.portfolio th,.portfolio footer,.portfolio .unit .parent{color:#b3bac3}
            .portfolio td.none,.portfolio button.sort::after{color:#9aa3ad}
            .portfolio th,.portfolio td,.portfolio ul.medians li{border-color:#2c323a}
            .portfolio .unit{border-color:#2c323a;border-left-color:#9cc3ff}
            .portfolio td.cell,.portfolio .swatch,.portfolio ul.medians .value{background:color-mix(in srgb,var(--stage) 35%,#1d2127)}
            .portfolio .chip{background:color-mix(in srgb,var(--stage) 30%,#1d2127)}
            .portfolio .bar,.portfolio .stack{background:#2c323a}
            .portfolio .heat tbody th{background:#1d2127}
            .portfolio table.teams td::before{color:#b3bac3}
            .portfolio figure{background:#fff;border-radius:8px;padding:8px}}
          @media print{body.portfolio{background:#fff}.portfolio section{break-inside:avoid;border:none;padding:0}
            .portfolio button.sort::after{content:none}}
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
                <xsl:text> team</xsl:text>
                <xsl:if test="$portfolio/@teams != 1">s</xsl:if>
                <xsl:text> · </xsl:text>
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
                <xsl:if test="$portfolio/p:overall/@median">
                  <p class="note">
                    <xsl:text>Median overall score </xsl:text>
                    <strong><xsl:value-of select="$portfolio/p:overall/@median"/></strong>
                    <xsl:text> (</xsl:text>
                    <xsl:call-template name="stage-label">
                      <xsl:with-param name="id" select="$portfolio/p:overall/@band"/>
                    </xsl:call-template>
                    <xsl:text>).</xsl:text>
                  </p>
                </xsl:if>
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

            <xsl:if test="$portfolio/p:quarters/p:quarter">
              <xsl:call-template name="quarters"/>
            </xsl:if>

            <xsl:if test="$portfolio/p:units/p:unit">
              <section aria-labelledby="units">
                <h2 id="units">By unit</h2>
                <p class="note">Each unit counts its own teams and those of the units within it. Teams without a unit are in none.</p>
                <div class="units">
                  <xsl:apply-templates select="$portfolio/p:units/p:unit"/>
                </div>
              </section>
            </xsl:if>

            <section aria-labelledby="heat">
              <h2 id="heat">Teams by domain</h2>
              <ul class="legend" aria-label="What the colours mean">
                <xsl:for-each select="$portfolio/p:stages/p:stage">
                  <li class="stage-{@id}">
                    <span class="swatch"></span>
                    <span>
                      <strong><xsl:value-of select="."/></strong>
                      <xsl:text>: </xsl:text>
                      <xsl:value-of select="@min"/>
                      <xsl:choose>
                        <xsl:when test="@below">
                          <xsl:text> to below </xsl:text>
                          <xsl:value-of select="@below"/>
                        </xsl:when>
                        <xsl:otherwise><xsl:text> and above</xsl:text></xsl:otherwise>
                      </xsl:choose>
                    </span>
                  </li>
                </xsl:for-each>
                <li><span class="none">–</span><span>not assessed</span></li>
              </ul>
              <p class="note">Each team's overall and domain scores from 1 to 4, shaded by the stage each score reaches.</p>
              <div class="scroll" role="region" tabindex="0" aria-label="Table of teams by domain">
                <table class="heat sortable">
                  <caption class="visually-hidden">Teams by domain</caption>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col">Stage</th>
                      <th scope="col" class="num">Overall</th>
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
              <p class="note">In team id order; with scripts on, a column's header sorts the table by it.</p>
              <div class="scroll" role="region" tabindex="0" aria-label="Table of every team">
                <table class="teams sortable">
                  <caption class="visually-hidden">Every team</caption>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col">Unit</th>
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
            <xsl:text>A portfolio of </xsl:text>
            <xsl:value-of select="$portfolio/@teams"/>
            <xsl:text> team</xsl:text>
            <xsl:if test="$portfolio/@teams != 1">s</xsl:if>
            <xsl:choose>
              <xsl:when test="$portfolio/@first = $portfolio/@last">
                <xsl:text>, assessed on </xsl:text>
                <xsl:value-of select="$portfolio/@first"/>
              </xsl:when>
              <xsl:when test="$portfolio/@first">
                <xsl:text>, latest assessments from </xsl:text>
                <xsl:value-of select="$portfolio/@first"/>
                <xsl:text> to </xsl:text>
                <xsl:value-of select="$portfolio/@last"/>
              </xsl:when>
            </xsl:choose>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$brand/r:footer"/>
            <xsl:text> · Confidential: prepared for the leadership of the teams in this portfolio. · Generated </xsl:text>
            <xsl:value-of select="$portfolio/@generated"/>
          </footer>
        </div>
        <script><xsl:value-of select="$portfolio/p:script"/></script>
      </body>
    </html>
  </xsl:template>

  <!-- A stage's label from its id. -->
  <xsl:template name="stage-label">
    <xsl:param name="id"/>
    <xsl:value-of select="$portfolio/p:stages/p:stage[@id = $id]"/>
  </xsl:template>

  <!-- A stacked bar of stages (count and fraction each) with its counts. -->
  <xsl:template name="stack">
    <xsl:param name="stages"/>
    <xsl:param name="what"/>
    <div class="stack" role="img">
      <xsl:attribute name="aria-label">
        <xsl:value-of select="$what"/>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="$stages">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:value-of select="."/><xsl:text> </xsl:text><xsl:value-of select="@count"/>
        </xsl:for-each>
      </xsl:attribute>
      <xsl:for-each select="$stages[@count &gt; 0]">
        <span class="stage-{@id}" style="width:{format-number(@fraction * 100, '0.0')}%"></span>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- The stages at the end of each quarter, and the teams that moved in
       the last one. -->
  <xsl:template name="quarters">
    <xsl:variable name="quarters" select="$portfolio/p:quarters/p:quarter"/>
    <section aria-labelledby="quarters">
      <h2 id="quarters">Quarter by quarter</h2>
      <p class="note">Teams at each stage at the end of each quarter, each at the stage of its latest assessment made by then (a team not yet assessed is not counted), and the teams a stage higher (up) or lower (down) than at the end of the quarter before.</p>
      <div class="scroll" role="region" tabindex="0" aria-label="Table of the stages quarter by quarter">
        <table class="quarters">
          <caption class="visually-hidden">Stages quarter by quarter</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Stages</th>
              <xsl:for-each select="$portfolio/p:stages/p:stage">
                <th scope="col" class="num"><span class="key stage-{@id}"></span><xsl:text> </xsl:text><xsl:value-of select="."/></th>
              </xsl:for-each>
              <th scope="col" class="num">Teams</th>
              <th scope="col" class="num">Up</th>
              <th scope="col" class="num">Down</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$quarters">
              <tr>
                <th scope="row"><xsl:value-of select="@label"/></th>
                <td>
                  <xsl:call-template name="stack">
                    <xsl:with-param name="stages" select="p:stages/p:stage"/>
                    <xsl:with-param name="what" select="concat('End of ', @label)"/>
                  </xsl:call-template>
                </td>
                <xsl:for-each select="p:stages/p:stage">
                  <td class="num"><xsl:value-of select="@count"/></td>
                </xsl:for-each>
                <td class="num"><xsl:value-of select="@teams"/></td>
                <td class="num"><xsl:if test="position() &gt; 1"><xsl:value-of select="@up"/></xsl:if></td>
                <td class="num"><xsl:if test="position() &gt; 1"><xsl:value-of select="@down"/></xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <h3 id="movers">
        <xsl:text>Moved since the end of </xsl:text>
        <xsl:choose>
          <xsl:when test="count($quarters) &gt; 1">
            <xsl:value-of select="$quarters[last() - 1]/@label"/>
          </xsl:when>
          <xsl:otherwise>the quarter before</xsl:otherwise>
        </xsl:choose>
      </h3>
      <xsl:choose>
        <xsl:when test="$portfolio/p:quarters/@movers &gt; 0">
          <p class="note">
            <xsl:text>Teams whose stage at the end of </xsl:text>
            <xsl:value-of select="$quarters[last()]/@label"/>
            <xsl:text> differs from their stage at the end of the quarter before.</xsl:text>
          </p>
          <div class="scroll" role="region" tabindex="0" aria-label="Table of the teams that changed stage">
            <table class="sortable">
              <caption class="visually-hidden">Teams that changed stage</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Moved</th>
                </tr>
              </thead>
              <tbody><xsl:comment>rows:movers</xsl:comment></tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:when test="count($quarters) &gt; 1">
          <p class="note">No team changed stage.</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="note">The assessments all fall in one quarter: movements show from the next.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- A unit: its stages and its medians, under a heading as deep as its
       path. -->
  <xsl:template match="p:unit">
    <xsl:variable name="unit" select="."/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@depth &gt; 3">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="2 + @depth"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <article class="unit depth-{@depth}" aria-labelledby="unit-{@number}">
      <xsl:element name="h{$level}">
        <xsl:attribute name="id">unit-<xsl:value-of select="@number"/></xsl:attribute>
        <xsl:if test="@depth &gt; 1">
          <span class="parent">
            <xsl:value-of select="substring(@path, 1, string-length(@path) - string-length(@name))"/>
          </span>
        </xsl:if>
        <xsl:value-of select="@name"/>
      </xsl:element>
      <p>
        <xsl:value-of select="@teams"/>
        <xsl:text> team</xsl:text>
        <xsl:if test="@teams != 1">s</xsl:if>
        <xsl:if test="p:overall/@median">
          <xsl:text> · median overall </xsl:text>
          <strong><xsl:value-of select="p:overall/@median"/></strong>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="stage-label">
            <xsl:with-param name="id" select="p:overall/@band"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </p>
      <xsl:call-template name="stack">
        <xsl:with-param name="stages" select="p:stages/p:stage"/>
        <xsl:with-param name="what" select="concat('Stages in ', @path)"/>
      </xsl:call-template>
      <ul class="counts">
        <xsl:for-each select="p:stages/p:stage">
          <li><span class="key stage-{@id}"></span><xsl:value-of select="."/><xsl:text> </xsl:text><xsl:value-of select="@count"/></li>
        </xsl:for-each>
      </ul>
      <ul class="medians" aria-label="Median score of each domain in {@path}">
        <xsl:for-each select="p:median">
          <xsl:variable name="domain" select="@domain"/>
          <li>
            <span><xsl:value-of select="$portfolio/p:domains/p:domain[@id = $domain]"/></span>
            <xsl:choose>
              <xsl:when test="@value">
                <span class="value stage-{@band}"><xsl:value-of select="@value"/></span>
              </xsl:when>
              <xsl:otherwise><span class="value">–</span></xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </article>
  </xsl:template>

  <!-- A team's row of the heatmap: its stage, overall and domains. -->
  <xsl:template match="p:team" mode="heat">
    <tr>
      <th scope="row"><xsl:value-of select="p:name"/></th>
      <td data-sort="{@stage-number}"><span class="chip stage-{@stage}"><xsl:call-template name="stage-label"><xsl:with-param name="id" select="@stage"/></xsl:call-template></span></td>
      <td class="cell stage-{@overall-band}"><xsl:value-of select="@overall"/></td>
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
    <tr>
      <th scope="row"><xsl:value-of select="p:name"/><br/><small><xsl:value-of select="@id"/></small></th>
      <td data-label="Unit"><xsl:value-of select="@unit"/></td>
      <td data-label="Assessed" class="date"><xsl:value-of select="@date"/></td>
      <td data-label="Stage" data-sort="{@stage-number}"><span class="chip stage-{@stage}"><xsl:call-template name="stage-label"><xsl:with-param name="id" select="@stage"/></xsl:call-template></span></td>
      <td data-label="Overall" class="num"><xsl:value-of select="@overall"/></td>
      <td data-label="/10" class="num"><xsl:value-of select="@score10"/></td>
      <td data-label="Change" class="num">
        <xsl:choose>
          <xsl:when test="@change"><xsl:value-of select="@change"/></xsl:when>
          <xsl:otherwise>–</xsl:otherwise>
        </xsl:choose>
      </td>
      <td data-label="Reports">
        <xsl:for-each select="p:file">
          <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
          <a href="{@href}"><xsl:value-of select="."/></a>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- A team that changed stage in the last quarter. -->
  <xsl:template match="p:mover">
    <tr>
      <th scope="row"><xsl:value-of select="."/><br/><small><xsl:value-of select="@id"/></small></th>
      <td><span class="chip stage-{@from}"><xsl:call-template name="stage-label"><xsl:with-param name="id" select="@from"/></xsl:call-template></span></td>
      <td><span class="chip stage-{@to}"><xsl:call-template name="stage-label"><xsl:with-param name="id" select="@to"/></xsl:call-template></span></td>
      <td>
        <xsl:choose>
          <xsl:when test="@direction = 'up'">↑ up</xsl:when>
          <xsl:otherwise>↓ down</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
