using System.Collections.Frozen;

namespace Comity.Server.Yente;

/// <summary>The FollowTheMoney properties (name and type, own and inherited) of the schemata Comity writes, and the
/// closed vocabularies of the country and topic types. Data taken from FtM's published model
/// (<c>@alephdata/followthemoney</c> 3.8.4, <c>dist/defaultModel.json</c>, MIT; vendored with its provenance in
/// <c>tests/Comity.Server.Tests/Yente/ftm-model</c>, whose tests check every emitted entity against the full model).
/// Entity-typed properties are left out: Comity writes no references except <c>sanctions</c> and
/// <c>Sanction:entity</c>.</summary>
internal static class FtmModelTable
{
    /// <summary>Schema → property → (type, maximum length).</summary>
    public static readonly FrozenDictionary<string, FrozenDictionary<string, (string Type, int MaxLength)>> Properties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LegalEntity"] =
            "address:address:250 alephUrl:url:4096 alias:name:384 bvdId:identifier:64 classification:string:1024 " +
            "country:country:16 createdAt:date:32 description:text:65000 dissolutionDate:date:32 " +
            "dunsCode:identifier:16 email:email:250 icijId:string:1024 idNumber:identifier:64 " +
            "incorporationDate:date:32 indexText:text:65000 innCode:identifier:32 jurisdiction:country:16 " +
            "keywords:string:1024 legalForm:string:1024 leiCode:identifier:32 licenseNumber:identifier:64 " +
            "mainCountry:country:16 modifiedAt:date:32 name:name:384 notes:text:65000 npiCode:identifier:16 " +
            "ogrnCode:identifier:32 okpoCode:identifier:64 opencorporatesUrl:url:4096 phone:phone:32 " +
            "previousName:name:384 program:string:1024 programId:identifier:64 publisher:string:1024 " +
            "publisherUrl:url:4096 registrationNumber:identifier:64 retrievedAt:date:32 sanctions:entity:200 " +
            "sector:string:1024 sourceUrl:url:4096 status:string:1024 summary:text:65000 swiftBic:identifier:16 " +
            "taxNumber:identifier:64 taxStatus:string:1024 topics:topic:64 uniqueEntityId:identifier:32 " +
            "vatCode:identifier:32 weakAlias:name:384 website:url:4096 wikidataId:identifier:32 " +
            "wikipediaUrl:url:4096 ",
        ["Person"] =
            "address:address:250 alephUrl:url:4096 alias:name:384 appearance:string:1024 birthCountry:country:16 " +
            "birthDate:date:32 birthPlace:string:1024 bvdId:identifier:64 citizenship:country:16 " +
            "classification:string:1024 country:country:16 createdAt:date:32 deathDate:date:32 " +
            "description:text:65000 dissolutionDate:date:32 dunsCode:identifier:16 education:string:1024 " +
            "email:email:250 ethnicity:string:1024 eyeColor:string:1024 fatherName:string:1024 " +
            "firstName:string:1024 gender:gender:16 hairColor:string:1024 height:number:250 icijId:string:1024 " +
            "idNumber:identifier:64 incorporationDate:date:32 indexText:text:65000 innCode:identifier:32 " +
            "jurisdiction:country:16 keywords:string:1024 lastName:string:1024 legalForm:string:1024 " +
            "leiCode:identifier:32 licenseNumber:identifier:64 mainCountry:country:16 middleName:string:1024 " +
            "modifiedAt:date:32 motherName:string:1024 name:name:384 nameSuffix:string:1024 " +
            "nationality:country:16 notes:text:65000 npiCode:identifier:16 ogrnCode:identifier:32 " +
            "okpoCode:identifier:64 opencorporatesUrl:url:4096 passportNumber:identifier:64 phone:phone:32 " +
            "political:string:1024 position:string:1024 previousName:name:384 program:string:1024 " +
            "programId:identifier:64 publisher:string:1024 publisherUrl:url:4096 " +
            "registrationNumber:identifier:64 religion:string:1024 retrievedAt:date:32 sanctions:entity:200 " +
            "secondName:string:1024 sector:string:1024 socialSecurityNumber:identifier:64 sourceUrl:url:4096 " +
            "spokenLanguage:language:16 status:string:1024 summary:text:65000 swiftBic:identifier:16 " +
            "taxNumber:identifier:64 taxStatus:string:1024 title:string:1024 topics:topic:64 " +
            "uniqueEntityId:identifier:32 vatCode:identifier:32 weakAlias:name:384 website:url:4096 " +
            "weight:number:250 wikidataId:identifier:32 wikipediaUrl:url:4096 ",
        ["Organization"] =
            "address:address:250 alephUrl:url:4096 alias:name:384 bvdId:identifier:64 cageCode:identifier:16 " +
            "classification:string:1024 country:country:16 createdAt:date:32 description:text:65000 " +
            "dissolutionDate:date:32 dunsCode:identifier:16 email:email:250 giiNumber:identifier:20 " +
            "icijId:string:1024 idNumber:identifier:64 imoNumber:identifier:16 incorporationDate:date:32 " +
            "indexText:text:65000 innCode:identifier:32 jurisdiction:country:16 keywords:string:1024 " +
            "legalForm:string:1024 leiCode:identifier:32 licenseNumber:identifier:64 mainCountry:country:16 " +
            "modifiedAt:date:32 name:name:384 notes:text:65000 npiCode:identifier:16 ogrnCode:identifier:32 " +
            "okpoCode:identifier:64 opencorporatesUrl:url:4096 permId:identifier:16 phone:phone:32 " +
            "previousName:name:384 program:string:1024 programId:identifier:64 publisher:string:1024 " +
            "publisherUrl:url:4096 registrationNumber:identifier:64 retrievedAt:date:32 sanctions:entity:200 " +
            "sector:string:1024 sourceUrl:url:4096 status:string:1024 summary:text:65000 swiftBic:identifier:16 " +
            "taxNumber:identifier:64 taxStatus:string:1024 topics:topic:64 uniqueEntityId:identifier:32 " +
            "vatCode:identifier:32 weakAlias:name:384 website:url:4096 wikidataId:identifier:32 " +
            "wikipediaUrl:url:4096 ",
        ["Company"] =
            "address:address:250 alephUrl:url:4096 alias:name:384 amount:number:250 amountEur:number:250 " +
            "amountUsd:number:250 bikCode:string:1024 bvdId:identifier:64 caemCode:string:1024 " +
            "cageCode:identifier:16 capital:string:1024 cikCode:identifier:64 classification:string:1024 " +
            "coatoCode:identifier:64 country:country:16 createdAt:date:32 currency:string:1024 " +
            "description:text:65000 dissolutionDate:date:32 dunsCode:identifier:16 email:email:250 " +
            "fnsCode:identifier:64 fssCode:string:1024 giiNumber:identifier:20 ibcRuc:identifier:64 " +
            "icijId:string:1024 idNumber:identifier:64 imoNumber:identifier:16 incorporationDate:date:32 " +
            "indexText:text:65000 innCode:identifier:32 ipoCode:identifier:64 irsCode:identifier:64 " +
            "isinCode:identifier:64 jibCode:identifier:64 jurisdiction:country:16 keywords:string:1024 " +
            "kppCode:identifier:64 legalForm:string:1024 leiCode:identifier:32 licenseNumber:identifier:64 " +
            "mainCountry:country:16 mbsCode:identifier:64 modifiedAt:date:32 name:name:384 notes:text:65000 " +
            "npiCode:identifier:16 ogrnCode:identifier:32 okopfCode:string:1024 okpoCode:identifier:64 " +
            "oksmCode:string:1024 okvedCode:string:1024 opencorporatesUrl:url:4096 permId:identifier:16 " +
            "pfrNumber:identifier:64 phone:phone:32 previousName:name:384 program:string:1024 " +
            "programId:identifier:64 publisher:string:1024 publisherUrl:url:4096 " +
            "registrationNumber:identifier:64 retrievedAt:date:32 ricCode:identifier:16 sanctions:entity:200 " +
            "sector:string:1024 sourceUrl:url:4096 status:string:1024 summary:text:65000 swiftBic:identifier:16 " +
            "taxNumber:identifier:64 taxStatus:string:1024 ticker:identifier:64 topics:topic:64 " +
            "uniqueEntityId:identifier:32 vatCode:identifier:32 voenCode:identifier:32 weakAlias:name:384 " +
            "website:url:4096 wikidataId:identifier:32 wikipediaUrl:url:4096 ",
        ["Vessel"] =
            "address:address:250 alephUrl:url:4096 alias:name:384 amount:number:250 amountEur:number:250 " +
            "amountUsd:number:250 buildDate:date:32 callSign:identifier:64 country:country:16 createdAt:date:32 " +
            "crsNumber:identifier:64 currency:string:1024 deregistrationDate:date:32 description:text:65000 " +
            "flag:country:16 grossRegisteredTonnage:number:250 imoNumber:identifier:16 indexText:text:65000 " +
            "keywords:string:1024 mmsi:identifier:16 model:string:1024 modifiedAt:date:32 name:name:384 " +
            "nameChangeDate:date:32 navigationArea:string:1024 notes:text:65000 pastFlags:country:16 " +
            "pastTypes:string:1024 previousName:name:384 program:string:1024 programId:identifier:64 " +
            "publisher:string:1024 publisherUrl:url:4096 registrationDate:date:32 " +
            "registrationNumber:identifier:64 registrationPort:string:1024 retrievedAt:date:32 " +
            "sanctions:entity:200 sourceUrl:url:4096 summary:text:65000 tonnage:number:250 topics:topic:64 " +
            "type:string:1024 weakAlias:name:384 wikidataId:identifier:32 wikipediaUrl:url:4096 ",
        ["Airplane"] =
            "address:address:250 alephUrl:url:4096 alias:name:384 amount:number:250 amountEur:number:250 " +
            "amountUsd:number:250 buildDate:date:32 country:country:16 createdAt:date:32 currency:string:1024 " +
            "deregistrationDate:date:32 description:text:65000 icaoCode:identifier:16 indexText:text:65000 " +
            "keywords:string:1024 manufacturer:string:1024 model:string:1024 modifiedAt:date:32 name:name:384 " +
            "notes:text:65000 previousName:name:384 program:string:1024 programId:identifier:64 " +
            "publisher:string:1024 publisherUrl:url:4096 registrationDate:date:32 " +
            "registrationNumber:identifier:64 retrievedAt:date:32 sanctions:entity:200 " +
            "serialNumber:identifier:64 sourceUrl:url:4096 summary:text:65000 topics:topic:64 type:string:1024 " +
            "weakAlias:name:384 wikidataId:identifier:32 wikipediaUrl:url:4096 ",
        ["Sanction"] =
            "alephUrl:url:4096 authority:string:1024 authorityId:identifier:64 country:country:16 date:date:32 " +
            "description:text:65000 duration:string:1024 endDate:date:32 entity:entity:200 indexText:text:65000 " +
            "listingDate:date:32 modifiedAt:date:32 namesMentioned:name:384 program:string:1024 " +
            "programId:identifier:64 programUrl:url:4096 provisions:string:1024 publisher:string:1024 " +
            "publisherUrl:url:4096 reason:text:65000 recordId:string:1024 retrievedAt:date:32 sourceUrl:url:4096 " +
            "startDate:date:32 status:string:1024 summary:text:65000 unscId:identifier:16 ",
    }.ToFrozenDictionary(kv => kv.Key, kv => Parse(kv.Value), StringComparer.Ordinal);

    /// <summary>The values of the FtM <c>country</c> type.</summary>
    public static readonly FrozenSet<string> Countries = (
        "ac ad ae af ag ai al am ao aq ar as at au aw ax az az-nk ba bb bd be bf bg bh bi bj bl bm bn bo bq " +
        "br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn cn-xz co cp cq cr cshh csxx cu cv cw cx cy " +
        "cy-trnc cz dd de dg dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gb-nir gb-sct " +
        "gb-wls gd ge ge-ab gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ic id ie il im in " +
        "io iq iq-kr ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly " +
        "ma mc md md-pmr me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no " +
        "np nr nu nz om pa pe pf pg ph pk pk-km pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg " +
        "sh si sj sk sl sm sn so so-som sr ss st suhh sv sx sy sz ta tc td tf tg th tj tk tl tm tn to tr tt " +
        "tv tw tz ua ua-cri ua-dpr ua-lpr ug um un us uy uz va vc ve vg vi vn vu wf ws x-so xk ye yt yucs za " +
        "zm zr zw zz ")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The values of the FtM <c>topic</c> type.</summary>
    public static readonly FrozenSet<string> Topics = (
        "asset.frozen corp.disqual corp.offshore corp.public corp.shell crime crime.boss crime.cyber " +
        "crime.env crime.fin crime.fraud crime.terror crime.theft crime.traffick crime.traffick.drug " +
        "crime.traffick.human crime.war debarment export.control export.risk fin fin.adivsor fin.bank " +
        "fin.fund forced.labor gov gov.admin gov.executive gov.financial gov.head gov.igo gov.judicial " +
        "gov.legislative gov.muni gov.national gov.security gov.soe gov.state mil poi pol.party pol.union " +
        "reg.action reg.warn rel role.acct role.act role.civil role.diplo role.journo role.judge role.lawyer " +
        "role.lobby role.oligarch role.pep role.pol role.rca role.spy sanction sanction.counter " +
        "sanction.linked wanted ")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, (string Type, int MaxLength)> Parse(string table) =>
        table.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .ToFrozenDictionary(p => p[0], p => (p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal);
}
