[${entity}] ${count} lead<#if count != 1>s</#if> ${product} – livraison du ${date}
