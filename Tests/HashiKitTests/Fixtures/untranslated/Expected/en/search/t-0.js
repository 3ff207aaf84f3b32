HashiSearch.register("en","t-0",{"docs":[["en/","Home"]],"first":0,"z":"<A4~5NgS:Vxß0"});
