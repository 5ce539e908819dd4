Bonjour<#if client?has_content> ${client}</#if>,

Veuillez trouver ci-joint votre livraison de leads ${product} (${productLabel}) du ${date}.

Récapitulatif
  Entité          : ${entity}
  Produit         : ${product} – ${productLabel}
  Date            : ${date}
  Nombre de leads : ${count}
  Fichier         : ${fileName}

Répartition par département
<#list departements as d>
  ${d.code} : ${d.count}
</#list>

Le fichier CSV (séparateur « ; », UTF-8) s'ouvre directement dans Excel ou LibreOffice.

Cordialement,
L'équipe livraison ZR7
