From magick-owner@unca-don.wizards.dupont.com Wed Feb  9 22:02 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id WAA23694
	for <markov@ATComputing.nl>; Wed, 9 Feb 2000 22:02:24 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id WAA01128
	for <markov@ATComputing.nl>; Wed, 9 Feb 2000 22:02:24 +0100
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma001126; Wed, 9 Feb 00 22:02:01 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id QAA21962;
	Wed, 9 Feb 2000 16:00:43 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id PAA29389
	for magick-outgoing; Wed, 9 Feb 2000 15:38:42 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Date: Wed, 9 Feb 2000 15:44:05 -0500
From: William Park <parkw@better.net>
To: Mark Sappol <Mark_Sappol@ipicorp.com>
Cc: "magick@wizards.dupont.com" <magick@wizards.dupont.com>
Subject: Re: File Conversion From HTML to PS and TIFF
Message-ID: <20000209154405.C265@better.net>
Mail-Followup-To: Mark Sappol <Mark_Sappol@ipicorp.com>,
	"magick@wizards.dupont.com" <magick@wizards.dupont.com>
References: <38A11D0E.A2064062@ipicorp.com>
Mime-Version: 1.0
X-Mailer: Mutt 1.0pre3i
In-Reply-To: <38A11D0E.A2064062@ipicorp.com>
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: William Park <parkw@better.net>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 1280
Lines: 33

On Wed, Feb 09, 2000 at 07:53:50AM +0000, Mark Sappol wrote:
> I am new to this list so please forgive me if I am asking something that
> has already been answered previously.  I did check the archives but too
> no avail.
> 
> I need to create a postscript file from an HTML document.  I have no
> problem here with the text but I do have a logo (gif file) on this
> document which does not get converted.  How can I go about converting
> the HTML documents I generate, along with any linked GIF images, to
> PostScript, as well as at other times, to TIFF?
> 
> I would appreciate any feedback and help on this request.
> 
> Thanks in advance,
> Mark

You can convert .html to .ps using Netscape.  You can do this manually
by clicking mouse, or through '-remote' command line option.  For
example,
    netscape -remote "openURL(http://sexybabes.for.you/)" \
	     -remote "saveAs(xxx.ps, Postscript)"

You can then convert .ps to .tiff like FAX program does.

William

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Wed Feb  9 23:15 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id XAA24500
	for <markov@ATComputing.nl>; Wed, 9 Feb 2000 23:15:56 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id XAA01235
	for <markov@ATComputing.nl>; Wed, 9 Feb 2000 23:15:55 +0100
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma001233; Wed, 9 Feb 00 23:15:42 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id RAA04724;
	Wed, 9 Feb 2000 17:13:49 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id QAA29779
	for magick-outgoing; Wed, 9 Feb 2000 16:56:19 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-Id: <200002092200.RAA19561@mailfw3.ford.com>
Date: Wed, 09 Feb 2000 17:00:14 -0500
From: "Lincoln, D. E. (Daniel)" <dlincol1@ford.com>
Organization: R&VT VCP&M
X-Mailer: Mozilla 4.7C-CCK-MCD cf47 [en] (X11; I; SunOS 5.6 sun4u)
X-Accept-Language: en, en-GB, de, fr, ja, ko, zh
Mime-Version: 1.0
To: Jeffrey Krzysztow <jeffrey.krzysztow@pvii.com>
Cc: William Park <parkw@better.net>, Mark Sappol <Mark_Sappol@ipicorp.com>,
        "magick@wizards.dupont.com" <magick@wizards.dupont.com>
Subject: Re: File Conversion From HTML to PS and TIFF
References: <38A11D0E.A2064062@ipicorp.com> <20000209154405.C265@better.net> <38A1DBE7.9D3718C9@pvii.com>
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: "Lincoln, D. E. (Daniel)" <dlincol1@ford.com>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 2109
Lines: 60

If I may interject...

It can be found at:
http://developer.netscape.com/docs/manuals/deploymt/options.htm

Jeffrey Krzysztow wrote:
> 
> William,
> 
> Where did you find information about -remote command line option for Netscape?
> 
> William Park wrote:
> 
> > On Wed, Feb 09, 2000 at 07:53:50AM +0000, Mark Sappol wrote:
> > > I am new to this list so please forgive me if I am asking something that
> > > has already been answered previously.  I did check the archives but too
> > > no avail.
> > >
> > > I need to create a postscript file from an HTML document.  I have no
> > > problem here with the text but I do have a logo (gif file) on this
> > > document which does not get converted.  How can I go about converting
> > > the HTML documents I generate, along with any linked GIF images, to
> > > PostScript, as well as at other times, to TIFF?
> > >
> > > I would appreciate any feedback and help on this request.
> > >
> > > Thanks in advance,
> > > Mark
> >
> > You can convert .html to .ps using Netscape.  You can do this manually
> > by clicking mouse, or through '-remote' command line option.  For
> > example,
> >     netscape -remote "openURL(http://sexybabes.for.you/)" \
> >              -remote "saveAs(xxx.ps, Postscript)"
> >
> > You can then convert .ps to .tiff like FAX program does.
> >
> > William
> >
> > ***********************************************************************
> > To remove yourself from this mailing list, send mail to:
> >         majordomo@wizards.dupont.com
> >
> > Include the following command in the body of your message:
> >         unsubscribe magick
> > ***********************************************************************

-- 
Regards,

Daniel E. Lincoln - Digital Buck Mechanic
Ford Motor Company - R&VT Vehicle CAD Process & Methods

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Wed Feb  9 23:15 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id XAA24495
	for <markov@ATComputing.nl>; Wed, 9 Feb 2000 23:15:26 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id XAA01230
	for <markov@ATComputing.nl>; Wed, 9 Feb 2000 23:15:25 +0100
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma001228; Wed, 9 Feb 00 23:15:21 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id RAA04756;
	Wed, 9 Feb 2000 17:13:55 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id QAA29764
	for magick-outgoing; Wed, 9 Feb 2000 16:55:37 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <38A1E3B0.F148D74A@websidestory.com>
Date: Wed, 09 Feb 2000 14:01:20 -0800
From: Steve Dotson <steve@websidestory.com>
X-Mailer: Mozilla 4.7 [en] (X11; U; Linux 2.2.5-15 i686)
X-Accept-Language: en
MIME-Version: 1.0
To: Jeffrey Krzysztow <jeffrey.krzysztow@pvii.com>
CC: William Park <parkw@better.net>, Mark Sappol <Mark_Sappol@ipicorp.com>,
        "magick@wizards.dupont.com" <magick@wizards.dupont.com>
Subject: Re: File Conversion From HTML to PS and TIFF
References: <38A11D0E.A2064062@ipicorp.com> <20000209154405.C265@better.net> <38A1DBE7.9D3718C9@pvii.com>
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Steve Dotson <steve@websidestory.com>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 2129
Lines: 63

http://home.netscape.com/newsref/std/x-remote.html


Jeffrey Krzysztow wrote:
> 
> William,
> 
> Where did you find information about -remote command line option for Netscape?
> 
> William Park wrote:
> 
> > On Wed, Feb 09, 2000 at 07:53:50AM +0000, Mark Sappol wrote:
> > > I am new to this list so please forgive me if I am asking something that
> > > has already been answered previously.  I did check the archives but too
> > > no avail.
> > >
> > > I need to create a postscript file from an HTML document.  I have no
> > > problem here with the text but I do have a logo (gif file) on this
> > > document which does not get converted.  How can I go about converting
> > > the HTML documents I generate, along with any linked GIF images, to
> > > PostScript, as well as at other times, to TIFF?
> > >
> > > I would appreciate any feedback and help on this request.
> > >
> > > Thanks in advance,
> > > Mark
> >
> > You can convert .html to .ps using Netscape.  You can do this manually
> > by clicking mouse, or through '-remote' command line option.  For
> > example,
> >     netscape -remote "openURL(http://sexybabes.for.you/)" \
> >              -remote "saveAs(xxx.ps, Postscript)"
> >
> > You can then convert .ps to .tiff like FAX program does.
> >
> > William
> >
> > ***********************************************************************
> > To remove yourself from this mailing list, send mail to:
> >         majordomo@wizards.dupont.com
> >
> > Include the following command in the body of your message:
> >         unsubscribe magick
> > ***********************************************************************

-- 
Steve Dotson
Software Engineer

WebSideStory, Inc.
10182 Telesis Court, Sixth Floor
San Diego, California 92121
P:  858.546.0040  ext. 417
F:  858.546.0480
E:  steve@websidestory.com

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Wed Feb 23 17:28 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id RAA20894
	for <markov@ATComputing.nl>; Wed, 23 Feb 2000 17:28:05 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id RAA21883
	for <markov@ATComputing.nl>; Wed, 23 Feb 2000 17:28:04 +0100
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma021881; Wed, 23 Feb 00 17:27:46 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id LAA28560;
	Wed, 23 Feb 2000 11:25:57 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id KAA09345
	for magick-outgoing; Wed, 23 Feb 2000 10:53:09 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <177E035AF8BDD311858B00A0C9D8E324886A3B@EMAILSRVR_KPR>
From: Steve Sapovits <SapovitsS@globalsportsinc.com>
To: magick@wizards.dupont.com
Subject: Transparency question
Date: Wed, 23 Feb 2000 10:58:16 -0500
MIME-Version: 1.0
X-Mailer: Internet Mail Service (5.5.2650.21)
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Steve Sapovits <SapovitsS@globalsportsinc.com>
Content-Type: text/plain
Status: RO
Content-Length: 1447
Lines: 42


I'm trying to do the following:

1)  Take a JPEG image and size it down to a particular size.
2)  Overlay that JPEG on top of an GIF image to form a combined result.

This works fine for the most part:  I use mogrify to resize, followed by 
combine to overlay.

Now I'm presented with GIF images (the ones the JPEG is put on top of)
that have colors or other background attributes we want to 'show through'
the overlay where there is no image.

Even without any transparency options this seems to ALMOST work.  The
problem is that there's a small area around each image of 'white' that
always
shows up.  Trying transparency or the 'matte' option of '-draw' seems to
have
no effect.

Any ideas?  I'm an engineer -- not an image expert.  The images in question
are handed to me.  I can change them if necessary and if it can be done via
the ImageMagick tool.  The volume we generate makes manual changes to 
each image out of the question.

----
Steve Sapovits
Global Sports Interactive
Work Email: sapovitss@globalsportsinc.com
Home Email: steves@delanet.com
Work Phone: 610-491-7087
Cell:       610-574-7706
Pager:      877-239-4003


***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Wed Feb 23 20:13 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id UAA24120
	for <markov@ATComputing.nl>; Wed, 23 Feb 2000 20:13:38 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id UAA22110
	for <markov@ATComputing.nl>; Wed, 23 Feb 2000 20:13:38 +0100
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma022108; Wed, 23 Feb 00 20:13:37 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id OAA00687;
	Wed, 23 Feb 2000 14:11:56 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id NAA10192
	for magick-outgoing; Wed, 23 Feb 2000 13:26:44 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <177E035AF8BDD311858B00A0C9D8E324886AB2@EMAILSRVR_KPR>
From: Steve Sapovits <SapovitsS@globalsportsinc.com>
To: Steve Sapovits <SapovitsS@globalsportsinc.com>, magick@wizards.dupont.com
Subject: RE: Transparency question
Date: Wed, 23 Feb 2000 13:31:41 -0500
MIME-Version: 1.0
X-Mailer: Internet Mail Service (5.5.2650.21)
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Steve Sapovits <SapovitsS@globalsportsinc.com>
Content-Type: text/plain
Status: RO
Content-Length: 2483
Lines: 73


Someone on this list and my image folks here seem to confirm that the
problem
here is with 'fringe' pixels that were not trimmed back as neatly as
possible.  Any
suggestions for automating this?  This whole thing needs to be batched.  I
played
with the transparency and fuzz options with no real difference noted.
Trying 
crop 0x0 makes some of the fringe whitespace areas neater, but it doesn't
get rid
of them.

Any suggestions?

> -----Original Message-----
> From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> Sent:	Wednesday, February 23, 2000 10:58 AM
> To:	magick@wizards.dupont.com
> Subject:	Transparency question
> 
> 
> I'm trying to do the following:
> 
> 1)  Take a JPEG image and size it down to a particular size.
> 2)  Overlay that JPEG on top of an GIF image to form a combined result.
> 
> This works fine for the most part:  I use mogrify to resize, followed by 
> combine to overlay.
> 
> Now I'm presented with GIF images (the ones the JPEG is put on top of)
> that have colors or other background attributes we want to 'show through'
> the overlay where there is no image.
> 
> Even without any transparency options this seems to ALMOST work.  The
> problem is that there's a small area around each image of 'white' that
> always
> shows up.  Trying transparency or the 'matte' option of '-draw' seems to
> have
> no effect.
> 
> Any ideas?  I'm an engineer -- not an image expert.  The images in
> question
> are handed to me.  I can change them if necessary and if it can be done
> via
> the ImageMagick tool.  The volume we generate makes manual changes to 
> each image out of the question.
> 
> ----
> Steve Sapovits
> Global Sports Interactive
> Work Email: sapovitss@globalsportsinc.com
> Home Email: steves@delanet.com
> Work Phone: 610-491-7087
> Cell:       610-574-7706
> Pager:      877-239-4003
> 
> 
> ***********************************************************************
> To remove yourself from this mailing list, send mail to:
> 	majordomo@wizards.dupont.com
> 
> Include the following command in the body of your message:
> 	unsubscribe magick
> ***********************************************************************

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Thu Feb 24 17:27 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id RAA19964
	for <markov@ATComputing.nl>; Thu, 24 Feb 2000 17:27:35 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id RAA23400
	for <markov@ATComputing.nl>; Thu, 24 Feb 2000 17:27:34 +0100
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma023398; Thu, 24 Feb 00 17:27:10 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id LAA14646;
	Thu, 24 Feb 2000 11:25:37 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id LAA15770
	for magick-outgoing; Thu, 24 Feb 2000 11:04:56 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <8100014B48DAD111AA4100805F9F3FC903A0E5B2@host60.corbis.com>
From: Bill Radcliffe <BillR@corbis.com>
To: "'Steve Sapovits'" <SapovitsS@globalsportsinc.com>,
        "'magick@wizards.dupont.com'" <magick@wizards.dupont.com>
Subject: RE: Transparency question
Date: Thu, 24 Feb 2000 08:06:44 -0800
MIME-Version: 1.0
X-Mailer: Internet Mail Service (5.5.2448.0)
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Bill Radcliffe <BillR@corbis.com>
Content-Type: text/plain
Status: RO
Content-Length: 3362
Lines: 93

It would help me if you could send some small samples of exactly the effect
you are trying to achieve. I'm sure IM can do whatever you want but the road
to get there may not be at all obvious.

> -----Original Message-----
> From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> Sent:	Wednesday, February 23, 2000 10:32 AM
> To:	Steve Sapovits; magick@wizards.dupont.com
> Subject:	RE: Transparency question
> 
> 
> Someone on this list and my image folks here seem to confirm that the
> problem
> here is with 'fringe' pixels that were not trimmed back as neatly as
> possible.  Any
> suggestions for automating this?  This whole thing needs to be batched.  I
> played
> with the transparency and fuzz options with no real difference noted.
> Trying 
> crop 0x0 makes some of the fringe whitespace areas neater, but it doesn't
> get rid
> of them.
> 
> Any suggestions?
> 
> > -----Original Message-----
> > From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> > Sent:	Wednesday, February 23, 2000 10:58 AM
> > To:	magick@wizards.dupont.com
> > Subject:	Transparency question
> > 
> > 
> > I'm trying to do the following:
> > 
> > 1)  Take a JPEG image and size it down to a particular size.
> > 2)  Overlay that JPEG on top of an GIF image to form a combined result.
> > 
> > This works fine for the most part:  I use mogrify to resize, followed by
> 
> > combine to overlay.
> > 
> > Now I'm presented with GIF images (the ones the JPEG is put on top of)
> > that have colors or other background attributes we want to 'show
> through'
> > the overlay where there is no image.
> > 
> > Even without any transparency options this seems to ALMOST work.  The
> > problem is that there's a small area around each image of 'white' that
> > always
> > shows up.  Trying transparency or the 'matte' option of '-draw' seems to
> > have
> > no effect.
> > 
> > Any ideas?  I'm an engineer -- not an image expert.  The images in
> > question
> > are handed to me.  I can change them if necessary and if it can be done
> > via
> > the ImageMagick tool.  The volume we generate makes manual changes to 
> > each image out of the question.
> > 
> > ----
> > Steve Sapovits
> > Global Sports Interactive
> > Work Email: sapovitss@globalsportsinc.com
> > Home Email: steves@delanet.com
> > Work Phone: 610-491-7087
> > Cell:       610-574-7706
> > Pager:      877-239-4003
> > 
> > 
> > ***********************************************************************
> > To remove yourself from this mailing list, send mail to:
> > 	majordomo@wizards.dupont.com
> > 
> > Include the following command in the body of your message:
> > 	unsubscribe magick
> > ***********************************************************************
> 
> ***********************************************************************
> To remove yourself from this mailing list, send mail to:
> 	majordomo@wizards.dupont.com
> 
> Include the following command in the body of your message:
> 	unsubscribe magick
> ***********************************************************************

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Thu Feb 24 18:17 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id SAA21506
	for <markov@ATComputing.nl>; Thu, 24 Feb 2000 18:17:36 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id SAA23500
	for <markov@ATComputing.nl>; Thu, 24 Feb 2000 18:17:35 +0100
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma023498; Thu, 24 Feb 00 18:17:21 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id MAA27594;
	Thu, 24 Feb 2000 12:14:53 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id LAA16076
	for magick-outgoing; Thu, 24 Feb 2000 11:52:40 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <8100014B48DAD111AA4100805F9F3FC903A0E5B9@host60.corbis.com>
From: Bill Radcliffe <BillR@corbis.com>
To: "'Steve Sapovits'" <SapovitsS@globalsportsinc.com>
Cc: "'magick@wizards.dupont.com'" <magick@wizards.dupont.com>
Subject: RE: Transparency question
Date: Thu, 24 Feb 2000 08:54:32 -0800
MIME-Version: 1.0
X-Mailer: Internet Mail Service (5.5.2448.0)
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Bill Radcliffe <BillR@corbis.com>
Content-Type: text/plain;
	charset="ISO-8859-1"
Status: RO
Content-Length: 5643
Lines: 161

Your problem is that you are trying to use transparency, but you really want
to use alpha channel blending. I'll show you how if you can send me another
copy of MCS_C_11452.gif before it is flattened out into a GIF file. You need
to have an input file were the "image" pixels are in the RGB parts of the
file, and the "cutout" is in the "alpha" channel. The alpha channel contains
a value for each and every pixel that defines the opacity of the pixel. Two
file formats that support this are Photoshop and TIFF.

> -----Original Message-----
> From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> Sent:	Thursday, February 24, 2000 8:34 AM
> To:	Bill Radcliffe
> Subject:	RE: Transparency question
> 
> 
> Good idea, of course.
> 
> This is run from a bigger program but I distilled it down to a simpler 
> set of commands to reproduce.  I run these two commands:
> 
> mogrify -geometry 120x120! 'MCS_C_11452.gif'
> combine 'MCS_C_120x150.gif' -gravity south 'MCS_C_11452.gif' -compose over
> 'result.gif'
> 
> I get this output:
> 
> mogrify: no delegates configuration file found (delegates.mgk).
> mogrify: no encode delegate for this image format (Y).
> combine: no delegates configuration file found (delegates.mgk).
> 
> I've gotten these 'delegates' messages before with no ill effects. 
> 
> Here are the files I'm using.  The 'result.gif' has the whitespace I
> mentioned.  Any help
> would be greatly appreciated.  I'll write a perl program for you in
> exchange
> or something.  8-)
> 
>  <<MCS_C_11452.gif>>  <<MCS_C_120x150.gif>>  <<result.gif>> 
> 
> 
> > -----Original Message-----
> > From:	Bill Radcliffe [SMTP:BillR@corbis.com]
> > Sent:	Thursday, February 24, 2000 11:07 AM
> > To:	'Steve Sapovits'; 'magick@wizards.dupont.com'
> > Subject:	RE: Transparency question
> > 
> > It would help me if you could send some small samples of exactly the
> > effect
> > you are trying to achieve. I'm sure IM can do whatever you want but the
> > road
> > to get there may not be at all obvious.
> > 
> > > -----Original Message-----
> > > From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> > > Sent:	Wednesday, February 23, 2000 10:32 AM
> > > To:	Steve Sapovits; magick@wizards.dupont.com
> > > Subject:	RE: Transparency question
> > > 
> > > 
> > > Someone on this list and my image folks here seem to confirm that the
> > > problem
> > > here is with 'fringe' pixels that were not trimmed back as neatly as
> > > possible.  Any
> > > suggestions for automating this?  This whole thing needs to be
> batched.
> > I
> > > played
> > > with the transparency and fuzz options with no real difference noted.
> > > Trying 
> > > crop 0x0 makes some of the fringe whitespace areas neater, but it
> > doesn't
> > > get rid
> > > of them.
> > > 
> > > Any suggestions?
> > > 
> > > > -----Original Message-----
> > > > From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> > > > Sent:	Wednesday, February 23, 2000 10:58 AM
> > > > To:	magick@wizards.dupont.com
> > > > Subject:	Transparency question
> > > > 
> > > > 
> > > > I'm trying to do the following:
> > > > 
> > > > 1)  Take a JPEG image and size it down to a particular size.
> > > > 2)  Overlay that JPEG on top of an GIF image to form a combined
> > result.
> > > > 
> > > > This works fine for the most part:  I use mogrify to resize,
> followed
> > by
> > > 
> > > > combine to overlay.
> > > > 
> > > > Now I'm presented with GIF images (the ones the JPEG is put on top
> of)
> > > > that have colors or other background attributes we want to 'show
> > > through'
> > > > the overlay where there is no image.
> > > > 
> > > > Even without any transparency options this seems to ALMOST work.
> The
> > > > problem is that there's a small area around each image of 'white'
> that
> > > > always
> > > > shows up.  Trying transparency or the 'matte' option of '-draw'
> seems
> > to
> > > > have
> > > > no effect.
> > > > 
> > > > Any ideas?  I'm an engineer -- not an image expert.  The images in
> > > > question
> > > > are handed to me.  I can change them if necessary and if it can be
> > done
> > > > via
> > > > the ImageMagick tool.  The volume we generate makes manual changes
> to 
> > > > each image out of the question.
> > > > 
> > > > ----
> > > > Steve Sapovits
> > > > Global Sports Interactive
> > > > Work Email: sapovitss@globalsportsinc.com
> > > > Home Email: steves@delanet.com
> > > > Work Phone: 610-491-7087
> > > > Cell:       610-574-7706
> > > > Pager:      877-239-4003
> > > > 
> > > > 
> > > >
> > ***********************************************************************
> > > > To remove yourself from this mailing list, send mail to:
> > > > 	majordomo@wizards.dupont.com
> > > > 
> > > > Include the following command in the body of your message:
> > > > 	unsubscribe magick
> > > >
> > ***********************************************************************
> > > 
> > >
> ***********************************************************************
> > > To remove yourself from this mailing list, send mail to:
> > > 	majordomo@wizards.dupont.com
> > > 
> > > Include the following command in the body of your message:
> > > 	unsubscribe magick
> > >
> *********************************************************************** <<
> File: MCS_C_11452.gif >>  << File: MCS_C_120x150.gif >>  << File:
> result.gif >> 

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Thu Feb 24 20:21 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id UAA23276
	for <markov@ATComputing.nl>; Thu, 24 Feb 2000 20:21:08 +0100 (MET)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id UAA23679
	for <markov@ATComputing.nl>; Thu, 24 Feb 2000 20:21:08 +0100
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma023676; Thu, 24 Feb 00 20:20:57 +0100
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id OAA10625;
	Thu, 24 Feb 2000 14:17:28 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id NAA16562
	for magick-outgoing; Thu, 24 Feb 2000 13:40:21 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <8100014B48DAD111AA4100805F9F3FC903A0E5BF@host60.corbis.com>
From: Bill Radcliffe <BillR@corbis.com>
To: "'Steve Sapovits'" <SapovitsS@globalsportsinc.com>
Cc: "'magick@wizards.dupont.com'" <magick@wizards.dupont.com>
Subject: RE: Transparency question
Date: Thu, 24 Feb 2000 10:42:23 -0800
MIME-Version: 1.0
X-Mailer: Internet Mail Service (5.5.2448.0)
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Bill Radcliffe <BillR@corbis.com>
Content-Type: text/plain;
	charset="ISO-8859-1"
Status: RO
Content-Length: 7382
Lines: 206

OK - here is a "possible" solution. This sequence relies on the fact that
the input image was originally composited on a white background. It takes
the image and generates a "fake" alpha channel (mask) and uses this during
the compositing operation. It looks pretty good, but has the disadvantage
that the background will tend to influence the colors in the final image
more then you would want.

: first convert to an RGB format with no more transparency or mask channel
convert -compression none MCS_C_11452.gif MCS_C_11452_rgb.bmp
: now make a fake alpha channel using a grayscale version of the image
(inverted) 
convert -compression none -colorspace gray -negate MCS_C_11452.gif
MCS_C_11452_a.bmp
: combine the original image along with the fake alpha channel onto the
background
combine -gravity south -compose over MCS_C_120x150.gif MCS_C_11452.gif
MCS_C_11452_a.bmp result.gif 

> -----Original Message-----
> From:	Bill Radcliffe 
> Sent:	Thursday, February 24, 2000 8:55 AM
> To:	'Steve Sapovits'
> Cc:	'magick@wizards.dupont.com'
> Subject:	RE: Transparency question
> 
> Your problem is that you are trying to use transparency, but you really
> want
> to use alpha channel blending. I'll show you how if you can send me
> another
> copy of MCS_C_11452.gif before it is flattened out into a GIF file. You
> need
> to have an input file were the "image" pixels are in the RGB parts of the
> file, and the "cutout" is in the "alpha" channel. The alpha channel
> contains
> a value for each and every pixel that defines the opacity of the pixel.
> Two
> file formats that support this are Photoshop and TIFF.
> 
> > -----Original Message-----
> > From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> > Sent:	Thursday, February 24, 2000 8:34 AM
> > To:	Bill Radcliffe
> > Subject:	RE: Transparency question
> > 
> > 
> > Good idea, of course.
> > 
> > This is run from a bigger program but I distilled it down to a simpler 
> > set of commands to reproduce.  I run these two commands:
> > 
> > mogrify -geometry 120x120! 'MCS_C_11452.gif'
> > combine 'MCS_C_120x150.gif' -gravity south 'MCS_C_11452.gif' -compose
> over
> > 'result.gif'
> > 
> > I get this output:
> > 
> > mogrify: no delegates configuration file found (delegates.mgk).
> > mogrify: no encode delegate for this image format (Y).
> > combine: no delegates configuration file found (delegates.mgk).
> > 
> > I've gotten these 'delegates' messages before with no ill effects. 
> > 
> > Here are the files I'm using.  The 'result.gif' has the whitespace I
> > mentioned.  Any help
> > would be greatly appreciated.  I'll write a perl program for you in
> > exchange
> > or something.  8-)
> > 
> >  <<MCS_C_11452.gif>>  <<MCS_C_120x150.gif>>  <<result.gif>> 
> > 
> > 
> > > -----Original Message-----
> > > From:	Bill Radcliffe [SMTP:BillR@corbis.com]
> > > Sent:	Thursday, February 24, 2000 11:07 AM
> > > To:	'Steve Sapovits'; 'magick@wizards.dupont.com'
> > > Subject:	RE: Transparency question
> > > 
> > > It would help me if you could send some small samples of exactly the
> > > effect
> > > you are trying to achieve. I'm sure IM can do whatever you want but
> the
> > > road
> > > to get there may not be at all obvious.
> > > 
> > > > -----Original Message-----
> > > > From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> > > > Sent:	Wednesday, February 23, 2000 10:32 AM
> > > > To:	Steve Sapovits; magick@wizards.dupont.com
> > > > Subject:	RE: Transparency question
> > > > 
> > > > 
> > > > Someone on this list and my image folks here seem to confirm that
> the
> > > > problem
> > > > here is with 'fringe' pixels that were not trimmed back as neatly as
> > > > possible.  Any
> > > > suggestions for automating this?  This whole thing needs to be
> > batched.
> > > I
> > > > played
> > > > with the transparency and fuzz options with no real difference
> noted.
> > > > Trying 
> > > > crop 0x0 makes some of the fringe whitespace areas neater, but it
> > > doesn't
> > > > get rid
> > > > of them.
> > > > 
> > > > Any suggestions?
> > > > 
> > > > > -----Original Message-----
> > > > > From:	Steve Sapovits [SMTP:SapovitsS@globalsportsinc.com]
> > > > > Sent:	Wednesday, February 23, 2000 10:58 AM
> > > > > To:	magick@wizards.dupont.com
> > > > > Subject:	Transparency question
> > > > > 
> > > > > 
> > > > > I'm trying to do the following:
> > > > > 
> > > > > 1)  Take a JPEG image and size it down to a particular size.
> > > > > 2)  Overlay that JPEG on top of an GIF image to form a combined
> > > result.
> > > > > 
> > > > > This works fine for the most part:  I use mogrify to resize,
> > followed
> > > by
> > > > 
> > > > > combine to overlay.
> > > > > 
> > > > > Now I'm presented with GIF images (the ones the JPEG is put on top
> > of)
> > > > > that have colors or other background attributes we want to 'show
> > > > through'
> > > > > the overlay where there is no image.
> > > > > 
> > > > > Even without any transparency options this seems to ALMOST work.
> > The
> > > > > problem is that there's a small area around each image of 'white'
> > that
> > > > > always
> > > > > shows up.  Trying transparency or the 'matte' option of '-draw'
> > seems
> > > to
> > > > > have
> > > > > no effect.
> > > > > 
> > > > > Any ideas?  I'm an engineer -- not an image expert.  The images in
> > > > > question
> > > > > are handed to me.  I can change them if necessary and if it can be
> > > done
> > > > > via
> > > > > the ImageMagick tool.  The volume we generate makes manual changes
> > to 
> > > > > each image out of the question.
> > > > > 
> > > > > ----
> > > > > Steve Sapovits
> > > > > Global Sports Interactive
> > > > > Work Email: sapovitss@globalsportsinc.com
> > > > > Home Email: steves@delanet.com
> > > > > Work Phone: 610-491-7087
> > > > > Cell:       610-574-7706
> > > > > Pager:      877-239-4003
> > > > > 
> > > > > 
> > > > >
> > >
> ***********************************************************************
> > > > > To remove yourself from this mailing list, send mail to:
> > > > > 	majordomo@wizards.dupont.com
> > > > > 
> > > > > Include the following command in the body of your message:
> > > > > 	unsubscribe magick
> > > > >
> > >
> ***********************************************************************
> > > > 
> > > >
> > ***********************************************************************
> > > > To remove yourself from this mailing list, send mail to:
> > > > 	majordomo@wizards.dupont.com
> > > > 
> > > > Include the following command in the body of your message:
> > > > 	unsubscribe magick
> > > >
> > ***********************************************************************
> <<
> > File: MCS_C_11452.gif >>  << File: MCS_C_120x150.gif >>  << File:
> > result.gif >> 
> 
> ***********************************************************************
> To remove yourself from this mailing list, send mail to:
> 	majordomo@wizards.dupont.com
> 
> Include the following command in the body of your message:
> 	unsubscribe magick
> ***********************************************************************

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From markov Sun Aug  8 10:04:17 1999
Subject: Resize with Transparency
To: magick@wizards.dupont.com
Date: Sun, 8 Aug 1999 10:04:17 +0200 (MET DST)
Reply-To: markov@ATComputing.nl (Mark Overmeer)
X-Mailer: ELM [version 2.4 PL21]
MIME-Version: 1.0
Content-Type: text/plain; charset=US-ASCII
Content-Transfer-Encoding: 7bit
Status: RO
Content-Length: 1376
Lines: 37


Hi,

Maybe someone knows a solution, maybe for enhancement:

  I have an image (say black on white), where white is set
  to be transparent.  I can display the image on any background,
  without seeing white.
    Now I resize the image with anti-aliasing.  For that, we have
  to intermediate pixels, which also requires interpolating
  the black pixels and background pixels.
    But: I my case, the background has a different (but known) color
  every time i.e. need to anti-alias the same image to different
  backgrounds.  I would like to write:

     my $image->Read('original.gif');
     $image->Set(background => 'blue');
     $image->Scale('50%x50%');
     $image->Write('small.gif');

However, ImageMagick (ImageMagick 4.2.7, PerlMagick 4.27 on Linux)
takes as value for a transparent pixel not the value of `background',
but the color used to define a transparent color: in this case
`white'.  My image reduced as above shows white pixels on my blue
background.

  Is my expectation wrong?

  Does anyone know a work-around?
-- 
Thanks,
               Mark Overmeer   %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From magick-owner@unca-don.wizards.dupont.com Thu Mar 30 19:09 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id TAA14579
	for <markov@ATComputing.nl>; Thu, 30 Mar 2000 19:09:10 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id TAA31447
	for <markov@ATComputing.nl>; Thu, 30 Mar 2000 19:09:10 +0200
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma031440; Thu, 30 Mar 00 19:08:51 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id MAA10121;
	Thu, 30 Mar 2000 12:04:52 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id LAA03360
	for magick-outgoing; Thu, 30 Mar 2000 11:44:20 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <8100014B48DAD111AA4100805F9F3FC903A0E75D@host60.corbis.com>
From: Bill Radcliffe <BillR@corbis.com>
To: "'Ivo'" <ivo.penzar@infolink-software.com>, magick@wizards.dupont.com,
        tiff@olympiakos.com
Subject: RE: jpeg2000 question
Date: Thu, 30 Mar 2000 08:46:50 -0800
MIME-Version: 1.0
X-Mailer: Internet Mail Service (5.5.2448.0)
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Bill Radcliffe <BillR@corbis.com>
Content-Type: text/plain
Status: RO
Content-Length: 2759
Lines: 66

I worked on the definition of the JP2 file format.  The situation with
JPEG2000 is not at all like JPEG.

You should know is that JP2 is a very simple wrapper around the formal
JPEG2000 "codestream". It was based on the Quicktime idea of "atoms". This
simple idea is that you have a tag and a length followed by the "stuff". You
know what the "stuff" is based on the tag type. You can also nest these
atoms to build more complex structures.

JP2 is a very simple set of these atoms, most of which are optional. You
could write a program to implement this in about 15 minutes.  The "hard"
part of JP2 is the "codestream". This is the encoded JPEG2000 data. Good
luck on that. We don't have a freely available reference implementation at
this point because nobody has signed up to do it. There was an effort
underway by the same group that did the JPEG-LS implementation. This was
given to the public domain..

http://spmg.ece.ubc.ca/research/jpeg/jpeg_ls/jpegls.html

They actually had an implementation of JPEG2000 on their website but pulled
it off:

http://www.ece.ubc.ca/~mdadams/jasper/

Apparently, they decided to sell out and try to charge for it instead of
providing it to the public domain. We all know how well that is going to
work. When are people going to learn that you can't make money selling
compression software? It's not a business - its just an enabler.

My opinion is that without a "Tom Lane" type signing up to make a free
implementation available, JPEG2000 is doomed. You just don't get real
interoperability from a paper spec. We know this.

The good news is that the Digital Imaging Group (DIG) has a project underway
to do this. The bad news is that it has not yet started. And so we wait :-)

> -----Original Message-----
> From:	Ivo [SMTP:ivo.penzar@infolink-software.com]
> Sent:	Thursday, March 30, 2000 1:37 AM
> To:	magick@wizards.dupont.com; tiff@olympiakos.com
> Subject:	jpeg2000 question
> 
> Does anybody know of some repository of jp2 (jpeg2000, to be approved by
> ISO/ITU-T by the end of this year) and/or a tool to write (some sort of)
> those images.
> 
> Thanks,
> Ivo
> 
> 
> 
> ***********************************************************************
> To remove yourself from this mailing list, send mail to:
> 	majordomo@wizards.dupont.com
> 
> Include the following command in the body of your message:
> 	unsubscribe magick
> ***********************************************************************

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From markov@ATComputing.nl Fri Mar 31 17:01:17 2000
Date: Fri, 31 Mar 2000 17:01:17 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Carl Knoos <cknoos@atg.com>
Cc: magick@wizards.dupont.com
Subject: Re: Problem resizing images through perl script
Message-ID: <20000331170117.B2095@atcmpg.ATComputing.nl>
References: <10F4E7B8292FD311B34400A0C978B70532A61B@a254.117.208.207.ded23.interaccess.com> <NDBBJJFDMKFOAIFBEPPJIELLCBAA.cknoos@atg.com>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <NDBBJJFDMKFOAIFBEPPJIELLCBAA.cknoos@atg.com>; from cknoos@atg.com on Thu, Mar 30, 2000 at 06:27:54PM -0500
Status: RO
Content-Length: 820
Lines: 23

* Carl Knoos (cknoos@atg.com) [000331 01:39]:
> if I run mogrify -geometry 95x95 whatever.jpg
> I get exactly what I want, except when I try
> to do it from Perl...

> 		# resize it.
> 		$result="$mogrifypath/mogrify -geometry 96x96
> $GalleryPath/tn_$ShortFilename";

I assume you try to execute this code: use back-tics:

$result=`$mogrifypath/mogrify -geometry 96x96 $GalleryPath/tn_$ShortFilename`;

or better qx(...)

Is it just a slip of pen here, or just usual programmers-blindness?
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From magick-owner@unca-don.wizards.dupont.com Fri Mar 31 01:39 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id BAA16135
	for <markov@ATComputing.nl>; Fri, 31 Mar 2000 01:39:18 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id BAA31743
	for <markov@ATComputing.nl>; Fri, 31 Mar 2000 01:39:18 +0200
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma031741; Fri, 31 Mar 00 01:39:12 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id SAA08310;
	Thu, 30 Mar 2000 18:37:29 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id SAA05154
	for magick-outgoing; Thu, 30 Mar 2000 18:24:04 -0500 (EST)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
From: "Carl Knoos" <cknoos@atg.com>
To: <magick@wizards.dupont.com>
Subject: Problem resizing images through perl script
Date: Thu, 30 Mar 2000 18:27:54 -0500
Message-ID: <NDBBJJFDMKFOAIFBEPPJIELLCBAA.cknoos@atg.com>
MIME-Version: 1.0
Content-Transfer-Encoding: 7bit
X-Priority: 3 (Normal)
X-MSMail-Priority: Normal
X-Mailer: Microsoft Outlook IMO, Build 9.0.2416 (9.0.2910.0)
In-Reply-To: <10F4E7B8292FD311B34400A0C978B70532A61B@a254.117.208.207.ded23.interaccess.com>
Importance: Normal
X-MimeOLE: Produced By Microsoft MimeOLE V5.00.2919.6600
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: "Carl Knoos" <cknoos@atg.com>
Content-Type: text/plain;
	charset="iso-8859-1"
Status: RO
X-Status: A
Content-Length: 1270
Lines: 47

I know this probably doesn't belong here, but
I don't who else to ask :)

Basically, I have imagemagick installed and it works
like a charm!

if I run mogrify -geometry 95x95 whatever.jpg
I get exactly what I want, except when I try
to do it from Perl...

If I in a perl script say:

sub GenerateThumb {
	$fsize = -s "$GalleryPath/$ShortFilename";
	if ($thumbmethod == 1) {
		# copy image.
		open(IMGFILE, "$GalleryPath/$ShortFilename");
		open(TNFILE, ">$GalleryPath/tn_$ShortFilename");
		binmode(IMGFILE);
		binmode(TNFILE);
		read(IMGFILE, $buffer, $fsize);
		print TNFILE $buffer;
		close(TNFILE);
		close(IMGFILE);
		chmod (0777, "$GalleryPath/tn_$ShortFilename");
		# resize it.
		$result="$mogrifypath/mogrify -geometry 96x96
$GalleryPath/tn_$ShortFilename";
	}
}

It all works great until it comes to the resizing, it just seem to skip the
last step.
the variable $mogrifypath is set correctly to /usr/bin

Does anyone what I'm doing wrong?

/Carl


***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Fri Mar 31 02:25 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id CAA16260
	for <markov@ATComputing.nl>; Fri, 31 Mar 2000 02:25:19 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id CAA31781
	for <markov@ATComputing.nl>; Fri, 31 Mar 2000 02:25:19 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma031779; Fri, 31 Mar 00 02:25:12 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id TAA21824;
	Thu, 30 Mar 2000 19:23:29 -0500
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id TAA05326
	for magick-outgoing; Thu, 30 Mar 2000 19:16:20 -0500 (EST)
	<10F4E7B8292FD311B34400A0C978B70532A61B@a254.117.208.207.ded23.
	interaccess.com>
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Mime-Version: 1.0
X-Sender: leonardr@mail1.netreach.net
Message-Id: <a04310102b5099e5b4e3f@[207.29.200.50]>
In-Reply-To: 
 <10F4E7B8292FD311B34400A0C978B70532A61B@a254.117.208.207.ded23.interaccess.com>
References: 
 <10F4E7B8292FD311B34400A0C978B70532A61B@a254.117.208.207.ded23.interaccess.com>
Date: Thu, 30 Mar 2000 19:15:48 -0500
To: Joseph Korabelnikov <jkorabelnikov@coolemail.com>
        magick@wizards.dupont.com
From: Leonard Rosenthol <leonardr@lazerware.com>
Subject: Re: Convert HTM, HTML files to the .jpg format
X-MIME-Autoconverted: from quoted-printable to 8bit by unca-don.wizards.dupont.com id TAA05323
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Leonard Rosenthol <leonardr@lazerware.com>
X-MIME-Autoconverted: from 8bit to quoted-printable by mustang.oldcity.dca.net id TAA21824
Content-Transfer-Encoding: 8bit
X-MIME-Autoconverted: from quoted-printable to 8bit by atcmpg.ATComputing.nl id CAA16260
Content-Type: text/plain; charset="iso-8859-1" ; format="flowed"
Status: RO
Content-Length: 1198
Lines: 33

At 4:12 PM -0600 3/30/00, Joseph Korabelnikov wrote:
>I attempted to convert HTML file to the .jpg format from Command Prompt
>window and got an error :
>
>	convert: delegate failed (html2ps -o %o %i).
>	convert: no delegate for this image format (HTML).
>
>As I understood situation I need to install mgtl2ps library. Am I right. If
>so, where to get it?
>
	You can find it at <http://www.tdb.uu.se/~jan/html2ps.html>.



LDR
-- 
----------------------------------------------------------------------------
                   You've got a SmartFriendÅ in Pennsylvania
----------------------------------------------------------------------------
Leonard Rosenthol      			Internet:       leonardr@lazerware.com
					America Online: MACgician
Web Site: <http://www.lazerware.com/>
FTP Site: <ftp://ftp.lazerware.com/>
PGP Fingerprint: C76E 0497 C459 182D 0C6B  AB6B CA10 B4DF 8067 5E65


***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From markov@ATComputing.nl Mon Apr  3 08:25:55 2000
Date: Mon, 3 Apr 2000 08:25:55 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Carl Knoos <cknoos@atg.com>
Subject: Re: Problem resizing images through perl script
Message-ID: <20000403082555.B11537@atcmpg.ATComputing.nl>
References: <20000331170117.B2095@atcmpg.ATComputing.nl> <NDBBJJFDMKFOAIFBEPPJIEOCCBAA.cknoos@atg.com>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <NDBBJJFDMKFOAIFBEPPJIEOCCBAA.cknoos@atg.com>; from cknoos@atg.com on Sat, Apr 01, 2000 at 03:40:32PM -0500
Status: RO
Content-Length: 1046
Lines: 23

* Carl Knoos (cknoos@atg.com) [000401 22:42]:
> ld.so.1: /usr/local/bin/mogrify: fatal: libttf.so.2: open failed: No such
> file or directory

Typical for installing ImageMagick binaries: they are precompiled on a
system with a long list of shared-libs.  IM is very powerful, so there
are many libs.  While starting, the libs are contacted.
   Search for a libttf.so : you may not have it, have the wrong version
or just a lacking link. ttf = True Type Fonts, and the lib is available
at freetype.org.

> I've asked the company that I rent space from to install
> PerlMagick on the box, hopefully I won't have all these
> problems if they do.

Compatibility between all those libs and apps will continue to haunt us.
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From cknoos@atg.com Sat Apr  1 22:42 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id WAA04105
	for <markov@ATComputing.nl>; Sat, 1 Apr 2000 22:42:15 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id WAA01429
	for <markov@ATComputing.nl>; Sat, 1 Apr 2000 22:42:14 +0200
Received: from art.atg.com(205.181.94.1) by ns.ATComputing.nl via smap (V2.1)
	id xma001427; Sat, 1 Apr 00 22:42:05 +0200
Received: from donkeykong (donkey-kong.atg.com [205.181.107.218])
	by art.atg.com (8.9.1/8.9.1) with SMTP id PAA24854
	for <markov@ATComputing.nl>; Sat, 1 Apr 2000 15:42:29 -0500 (EST)
From: "Carl Knoos" <cknoos@atg.com>
To: "Mark Overmeer" <markov@ATComputing.nl>
Subject: RE: Problem resizing images through perl script
Date: Sat, 1 Apr 2000 15:40:32 -0500
Message-ID: <NDBBJJFDMKFOAIFBEPPJIEOCCBAA.cknoos@atg.com>
MIME-Version: 1.0
Content-Transfer-Encoding: 7bit
X-Priority: 3 (Normal)
X-MSMail-Priority: Normal
X-Mailer: Microsoft Outlook IMO, Build 9.0.2416 (9.0.2910.0)
X-MimeOLE: Produced By Microsoft MimeOLE V5.00.2919.6600
Importance: Normal
In-Reply-To: <20000331170117.B2095@atcmpg.ATComputing.nl>
Content-Type: text/plain;
	charset="iso-8859-1"
Status: RO
X-Status: A
Content-Length: 1865
Lines: 63

Blindness :)

Now I'm on to the next problem though...

when I try to execute the line from the script,
my webservers error log contains this:

ld.so.1: /usr/local/bin/mogrify: fatal: libttf.so.2: open failed: No such
file or directory

I'm seriously starting to get ticked now... hehe :)

I've asked the company that I rent space from to install
PerlMagick on the box, hopefully I won't have all these
problems if they do.

Thanks for your help! :)

/Carl


-----Original Message-----
From: owner-magick@wizards.dupont.com
[mailto:owner-magick@wizards.dupont.com]On Behalf Of Mark Overmeer
Sent: Friday, March 31, 2000 10:01 AM
To: Carl Knoos
Cc: magick@wizards.dupont.com
Subject: Re: Problem resizing images through perl script


* Carl Knoos (cknoos@atg.com) [000331 01:39]:
> if I run mogrify -geometry 95x95 whatever.jpg
> I get exactly what I want, except when I try
> to do it from Perl...

> 		# resize it.
> 		$result="$mogrifypath/mogrify -geometry 96x96
> $GalleryPath/tn_$ShortFilename";

I assume you try to execute this code: use back-tics:

$result=`$mogrifypath/mogrify -geometry 96x96
$GalleryPath/tn_$ShortFilename`;

or better qx(...)

Is it just a slip of pen here, or just usual programmers-blindness?
--
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************


From markov@ATComputing.nl Tue May  9 15:14:18 2000
Date: Tue, 9 May 2000 15:14:18 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Pletschette Andre <andre.pletschette@gmx.net>
Subject: Re: Undefined Symbol: SetWarningHandler
Message-ID: <20000509151418.B15139@atcmpg.ATComputing.nl>
References: <3917FC90.8B8B0CF@gmx.net>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <3917FC90.8B8B0CF@gmx.net>; from andre.pletschette@gmx.net on Tue, May 09, 2000 at 01:54:56PM +0200
Status: RO
Content-Length: 1095
Lines: 25

* Pletschette Andre (andre.pletschette@gmx.net) [000509 15:11]:
> When I tried to write a perl script with the following line in it:
>   use Image::Magick;
> I get the following error-message:
> 
>   perl: error in loading shared librairies:
>   /usr/lib/perl5/site_perl/5.005/i586-lin
>   ux/auto/Image/Magick/Magick.so: undefined symbol: SetWarningHandler
> 
> Could anybody tell me what this means, and how I can get it run, I run 
> Suse Linux 6.3 and I've installed Image Magick with the C++ and the Perl
> Modules.

The Perl::Magick and Image::Magick/ImageMagick modules are not compatible.
Just reinstall all yourself from www.ImageMagick.org.

Be warned: you have to remove the old Perl::Magick *.pm files too, otherwise
you may still use the old versions...
--
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From magick-owner@unca-don.wizards.dupont.com Tue May  9 15:11 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id PAA15311
	for <markov@ATComputing.nl>; Tue, 9 May 2000 15:11:14 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id PAA24539
	for <markov@ATComputing.nl>; Tue, 9 May 2000 15:11:13 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma024537; Tue, 9 May 00 15:11:01 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id JAA17934;
	Tue, 9 May 2000 09:09:29 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id IAA13522
	for magick-outgoing; Tue, 9 May 2000 08:42:00 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <3917FC90.8B8B0CF@gmx.net>
Date: Tue, 09 May 2000 13:54:56 +0200
From: Pletschette Andre <andre.pletschette@gmx.net>
X-Mailer: Mozilla 4.7 [en] (X11; I; Linux 2.2.13 i586)
X-Accept-Language: fr, en, de
MIME-Version: 1.0
To: "magick@wizards.dupont.com" <magick@wizards.dupont.com>
Subject: Undefined Symbol: SetWarningHandler
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Pletschette Andre <andre.pletschette@gmx.net>
Content-Type: text/plain; charset=us-ascii
Status: RO
X-Status: A
Content-Length: 747
Lines: 19

When I tried to write a perl script with the following line in it:
  use Image::Magick;
I get the following error-message:

  perl: error in loading shared librairies:
  /usr/lib/perl5/site_perl/5.005/i586-lin
  ux/auto/Image/Magick/Magick.so: undefined symbol: SetWarningHandler

Could anybody tell me what this means, and how I can get it run, I run 
Suse Linux 6.3 and I've installed Image Magick with the C++ and the Perl
Modules.

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Wed May 17 16:07 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id QAA15770
	for <markov@ATComputing.nl>; Wed, 17 May 2000 16:07:07 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id QAA04359
	for <markov@ATComputing.nl>; Wed, 17 May 2000 16:07:06 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma004357; Wed, 17 May 00 16:06:40 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id KAA02079;
	Wed, 17 May 2000 10:05:01 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id JAA23880
	for magick-outgoing; Wed, 17 May 2000 09:41:41 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Date: Wed, 17 May 2000 08:46:17 -0500 (CDT)
From: Bob Friesenhahn <bfriesen@simple.dallas.tx.us>
X-Sender: bfriesen@scooby.simplesystems.org
To: Martin Bobrovsky <Martin.Bobrovsky@workforce.at>
cc: ImageMagick Mailing List <magick@wizards.dupont.com>
Subject: Re: watermarks/embossing
In-Reply-To: <4.3.1.2.20000517112416.00c72e30@mail.dot.at>
Message-ID: <Pine.SO4.4.05.10005170826000.20112-100000@scooby.simplesystems.org>
MIME-Version: 1.0
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Bob Friesenhahn <bfriesen@simple.dallas.tx.us>
Content-Type: TEXT/PLAIN; charset=US-ASCII
Status: RO
Content-Length: 1859
Lines: 53

If you can afford the Digimarc library (see
http://www.digimarc.com/licensing/sdk.html &
http://www.digimarc.com/news/pr00-13.html), Bill Radcliffe
<BillR@corbis.com> can send you source for an ImageMagick module to do
professional-grade watermarking.

ImageMagick's 'combine' utility supports simplistic hidden
watermarking via its -stegano option.  If you want a visible logo, you
could use -compose to compose your logo on top of, or blended with,
the base image.  Your visible logo can be mostly transparent in order
to not disturb the image too much.

See this interesting article about digital watermarking:
http://www.spie.org/web/oer/november/nov99/cover1.html

Bob

On Wed, 17 May 2000, Martin Bobrovsky wrote:

> Hi!
> 
> Can someone tell how I achieve the effect of embossing a text onto an 
> image? My intention is to "secure" images on the web by applying a symbol 
> or text which on the one hand does not affect the impression of the image 
> too much, but on the other hand, makes the image "unusable" for 
> professional printing purposes ...
> 
> thanks,
> martin
> 
> 
> ***********************************************************************
> To remove yourself from this mailing list, send mail to:
> 	majordomo@wizards.dupont.com
> 
> Include the following command in the body of your message:
> 	unsubscribe magick
> ***********************************************************************
> 

======================================
Bob Friesenhahn
bfriesen@simple.dallas.tx.us
http://www.simplesystems.org/users/bfriesen


***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-bugs@simple.dallas.tx.us Wed Jun 14 16:54 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id QAA25632
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 16:54:28 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id QAA12167
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 16:54:27 +0200
Received: from ns.simplesystems.org(204.252.75.242) by ns.ATComputing.nl via smap (V2.1)
	id xma012165; Wed, 14 Jun 00 16:54:12 +0200
Received: from localhost (localhost [127.0.0.1])
	by ns.simplesystems.org (8.9.3/8.9.3) with ESMTP id JAA14556
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 09:54:08 -0500 (CDT)
From: magick-bugs@simple.dallas.tx.us
Date: Wed, 14 Jun 2000 09:54:08 -0500 (CDT)
Message-Id: <200006141454.JAA14556@ns.simplesystems.org>
To: markov@ATComputing.nl
Subject: Re: Annotate problems (PR#298)
X-Loop: magick-bugs@simple.dallas.tx.us
Content-Type: text
Status: RO
X-Status: A
Content-Length: 307
Lines: 9

Thank you for submitting an ImageMagick bug report to
magick-bugs@simplesystems.org.

Your bug report is available on the web at the URL
http://www.simplesystems.org/ImageMagick/bugs?findid=298    

Report any problems with the bug tracking system itself to
Bob Friesenhahn <bfriesen@simple.dallas.tx.us>.


From markov@ATComputing.nl Wed Jun 14 17:43:34 2000
Date: Wed, 14 Jun 2000 17:43:34 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Cristy <cristy@mystic.es.dupont.com>
Subject: Re: your mail
Message-ID: <20000614174334.G22766@atcmpg.ATComputing.nl>
References: <8172.960997992@mystic>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <8172.960997992@mystic>; from cristy@mystic.es.dupont.com on Wed, Jun 14, 2000 at 11:53:11AM -0400
Status: RO
X-Status: A
Content-Length: 1403
Lines: 34

* Cristy (cristy@mystic.es.dupont.com) [000614 17:23]:
>    $img->Read("logo:");
>    $text="I am a LumberJack";
>    $poinsize=40;
>    my ($width, $height) = $img->Get('width', 'height');
>    $img->Annotate
>       ( fill    => 'yellow'
>       , text      => $text
>       , font      =>
> '-bitstream-charter-medium-r-normal--40-0-0-0-p-0-iso8859-1'
>       , gravity   => 'SouthEast'
>       , 'x'       => 5
>       , 'y'       => $poinsize+5
>       );
>    $img->Write(filename  => "test.gif");

So: gravity work differently from my well known "anchor", where
x,y defines a point and anchor the location of the point wrt the
item to be put on the background.  It was not clear from the docs.

It what you propose a feature or a designed thing?  You specify the
coordinate of the right-top (NorthEast) wrt to the right-bottom
(SouthEast).  I expect that x=0,y=0,SouthWest will work wrt to
NorthWest.  It is not logical for me to treat North/South differently
from East/West (designed before the fall of the Iron curtain?)

And also: the text still appears in black.
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From cristy@mystic.es.dupont.com Wed Jun 14 17:23 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id RAA27207
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 17:23:28 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id RAA12199
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 17:23:27 +0200
Received: from gatekeeper.es.dupont.com(192.26.233.2) by ns.ATComputing.nl via smap (V2.1)
	id xma012197; Wed, 14 Jun 00 17:23:08 +0200
Received: from mystic.es.dupont.com (mystic.es.dupont.com [138.196.253.24])
	by gatekeeper.es.dupont.com (8.9.3/8.9.3) with ESMTP id LAA26619
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 11:23:06 -0400 (EDT)
Received: (from cristy@localhost)
	by mystic.es.dupont.com (8.10.0.Beta12/8.10.0.Beta12) id e5EFrBI08173
	for markov@ATComputing.nl; Wed, 14 Jun 2000 11:53:11 -0400 (EDT)
Date: Wed, 14 Jun 2000 11:53:11 -0400 (EDT)
From: Cristy <cristy@mystic.es.dupont.com>
Message-ID: <8172.960997992@mystic>
Mime-Version: 1.0
To: markov@ATComputing.nl
Content-Type: multipart/mixed; boundary="-"
Status: RO
X-Status: A
Content-Length: 1056
Lines: 36

This is a MIME encoded message.  Decode it with "munpack"
or any other MIME reading software.  Mpack/munpack is available
via anonymous FTP in ftp.andrew.cmu.edu:pub/mpack/
---
Content-Type: application/octet-stream; name="test.pl"
Content-Transfer-Encoding: base64
Content-Disposition: inline; filename="test.pl"
Content-MD5: el1GVGE1xEpFTeim4lKdYA==

ICAgdXNlIEltYWdlOjpNYWdpY2s7CiAgICRpbWc9SW1hZ2U6Ok1hZ2ljay0+bmV3OwogICAk
aW1nLT5SZWFkKCJsb2dvOiIpOwogICAkdGV4dD0iSSBhbSBhIEx1bWJlckphY2siOwogICAk
cG9pbnNpemU9NDA7CiAgIG15ICgkd2lkdGgsICRoZWlnaHQpID0gJGltZy0+R2V0KCd3aWR0
aCcsICdoZWlnaHQnKTsKICAgJGltZy0+QW5ub3RhdGUKICAgICAgKCBmaWxsICAgID0+ICd5
ZWxsb3cnCiAgICAgICwgdGV4dCAgICAgID0+ICR0ZXh0CiAgICAgICwgZm9udCAgICAgID0+
CictYml0c3RyZWFtLWNoYXJ0ZXItbWVkaXVtLXItbm9ybWFsLS00MC0wLTAtMC1wLTAtaXNv
ODg1OS0xJwogICAgICAsIHBvaW50c2l6ZSA9PiAkcG9pbnNpemUKICAgICAgLCBncmF2aXR5
ICAgPT4gJ1NvdXRoRWFzdCcKICAgICAgLCAneCcgICAgICAgPT4gNQogICAgICAsICd5JyAg
ICAgICA9PiAkcG9pbnNpemUrNQogICAgICApOwogICAkaW1nLT5Xcml0ZShmaWxlbmFtZSAg
PT4gInRlc3QuZ2lmIik7Cgo=















-----

From markov@ATComputing.nl Wed Jun 14 17:49:26 2000
Date: Wed, 14 Jun 2000 17:49:26 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Cristy <cristy@mystic.es.dupont.com>
Subject: Re: your mail
Message-ID: <20000614174926.H22766@atcmpg.ATComputing.nl>
References: <200006141616.e5EGG3x19487@mystic.es.dupont.com>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <200006141616.e5EGG3x19487@mystic.es.dupont.com>; from cristy@mystic.es.dupont.com on Wed, Jun 14, 2000 at 12:16:03PM -0400
Status: RO
Content-Length: 686
Lines: 17

* Cristy (cristy@mystic.es.dupont.com) [000614 17:46]:
> > It was not clear from the docs.
> 
> There is alot that is not clear in the docs.  We're writing a book due
> out next year to fix these sorts of problems.

I'll certainly buy the book.  But: will you also respond to the two
remaining quesions from my previous mail?
-- 
Thanks for the fast response,

               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From cristy@mystic.es.dupont.com Wed Jun 14 17:46 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id RAA27475
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 17:46:29 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id RAA12244
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 17:46:28 +0200
Received: from gatekeeper.es.dupont.com(192.26.233.2) by ns.ATComputing.nl via smap (V2.1)
	id xma012242; Wed, 14 Jun 00 17:45:59 +0200
Received: from mystic.es.dupont.com (mystic.es.dupont.com [138.196.253.24])
	by gatekeeper.es.dupont.com (8.9.3/8.9.3) with ESMTP id LAA26733
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 11:45:58 -0400 (EDT)
Received: (from cristy@localhost)
	by mystic.es.dupont.com (8.10.0.Beta12/8.10.0.Beta12) id e5EGG3x19487
	for markov@ATComputing.nl; Wed, 14 Jun 2000 12:16:03 -0400 (EDT)
Date: Wed, 14 Jun 2000 12:16:03 -0400 (EDT)
From: Cristy <cristy@mystic.es.dupont.com>
Message-Id: <200006141616.e5EGG3x19487@mystic.es.dupont.com>
To: markov@ATComputing.nl
Subject: Re: your mail
Content-Type: text
Status: RO
X-Status: A
Content-Length: 152
Lines: 4

> It was not clear from the docs.

There is alot that is not clear in the docs.  We're writing a book due
out next year to fix these sorts of problems.

From cristy@mystic.es.dupont.com Wed Jun 14 17:56 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id RAA27517
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 17:55:59 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id RAA12254
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 17:55:58 +0200
Received: from gatekeeper.es.dupont.com(192.26.233.2) by ns.ATComputing.nl via smap (V2.1)
	id xma012252; Wed, 14 Jun 00 17:55:29 +0200
Received: from mystic.es.dupont.com (mystic.es.dupont.com [138.196.253.24])
	by gatekeeper.es.dupont.com (8.9.3/8.9.3) with ESMTP id LAA26777
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 11:55:28 -0400 (EDT)
Received: (from cristy@localhost)
	by mystic.es.dupont.com (8.10.0.Beta12/8.10.0.Beta12) id e5EGPYM19527
	for markov@ATComputing.nl; Wed, 14 Jun 2000 12:25:34 -0400 (EDT)
Date: Wed, 14 Jun 2000 12:25:34 -0400 (EDT)
From: Cristy <cristy@mystic.es.dupont.com>
Message-Id: <200006141625.e5EGPYM19527@mystic.es.dupont.com>
To: markov@ATComputing.nl
Subject: Re: your mail
Content-Type: text
Status: RO
Content-Length: 189
Lines: 5

> But: will you also respond to the two
> remaining quesions from my previous mail?

Sure if you remind me what they are.  I get upwards of 100+ e-mails a day
so it's hard to keep track...

From markov@ATComputing.nl Wed Jun 14 18:00:18 2000
Date: Wed, 14 Jun 2000 18:00:18 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Cristy <cristy@mystic.es.dupont.com>
Subject: Re: your mail
Message-ID: <20000614180018.I22766@atcmpg.ATComputing.nl>
References: <8172.960997992@mystic> <20000614174334.G22766@atcmpg.ATComputing.nl>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <20000614174334.G22766@atcmpg.ATComputing.nl>; from markov@ATComputing.nl on Wed, Jun 14, 2000 at 05:43:34PM +0200
Status: RO
Content-Length: 1972
Lines: 47


>> But: will you also respond to the two
>> remaining quesions from my previous mail?

>Sure if you remind me what they are.  I get upwards of 100+ e-mails a day
>so it's hard to keep track...

You replied just a few seconds earlier on my message below.  I replied in
a few seconds to it... but I understand you have to scan mail that fast.
(I maintain 6 websites, so know getting large amounts of e-mail means)
Thanks for the example anyway.

* Mark Overmeer (markov@ATComputing.nl) [000614 17:43]:
> * Cristy (cristy@mystic.es.dupont.com) [000614 17:23]:
> >    $img->Read("logo:");
> >    $text="I am a LumberJack";
> >    $poinsize=40;
> >    my ($width, $height) = $img->Get('width', 'height');
> >    $img->Annotate
> >       ( fill    => 'yellow'
> >       , text      => $text
> >       , font      =>
> > '-bitstream-charter-medium-r-normal--40-0-0-0-p-0-iso8859-1'
> >       , gravity   => 'SouthEast'
> >       , 'x'       => 5
> >       , 'y'       => $poinsize+5
> >       );
> >    $img->Write(filename  => "test.gif");
> 
> So: gravity work differently from my well known "anchor", where
> x,y defines a point and anchor the location of the point wrt the
> item to be put on the background.  It was not clear from the docs.
> 
> It what you propose a feature or a designed thing?  You specify the
> coordinate of the right-top (NorthEast) wrt to the right-bottom
> (SouthEast).  I expect that x=0,y=0,SouthWest will work wrt to
> NorthWest.  It is not logical for me to treat North/South differently
> from East/West (designed before the fall of the Iron curtain?)
> 
> And also: the text still appears in black.
> -- 
>                MarkOv       %-]
> 
> ------------------------------------------------------------------------
> drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
> AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
> http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From markov@ATComputing.nl Wed Jun 14 18:17:41 2000
Date: Wed, 14 Jun 2000 18:17:41 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Cristy <cristy@mystic.es.dupont.com>
Subject: Re: your mail
Message-ID: <20000614181741.J22766@atcmpg.ATComputing.nl>
References: <200006141634.e5EGYfI19547@mystic.es.dupont.com>
Mime-Version: 1.0
Content-Type: multipart/mixed; boundary="5vNYLRcllDrimb99"
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <200006141634.e5EGYfI19547@mystic.es.dupont.com>; from cristy@mystic.es.dupont.com on Wed, Jun 14, 2000 at 12:34:41PM -0400
Status: RO
Content-Length: 4533
Lines: 111

--5vNYLRcllDrimb99
Content-Type: text/plain; charset=us-ascii

* Cristy (cristy@mystic.es.dupont.com) [000614 18:05]:
> > It what you propose a feature or a designed thing?  You specify the
> > coordinate of the right-top (NorthEast) wrt to the right-bottom
> > (SouthEast).  I expect that x=0,y=0,SouthWest will work wrt to
> > NorthWest.  It is not logical for me to treat North/South differently
> > from East/West (designed before the fall of the Iron curtain?)
> 
> I'll send you a script that illustrates how gravity works.  The x,y
> offset basically creates a bounding box within the image and the text
> is placed relative to the virtual bounding box.

As you can see in your own demo script, it is not consequent: W and E
are inside the square, while N and S are outside... in my run.  Image
attached.

I changed the line-color you yellow (stroke) which worked, but it still
does not work for the text.

> Are you using ImageMagick 5.2.0?  When I used the script I sent the
> text color was indeed yellow.

The latest 5.2.0 (less than 48 hours ago directly from imagemagick.org).

Sorry, no more time to investigate for me today: have to go...
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl















--5vNYLRcllDrimb99
Content-Type: image/gif
Content-Disposition: attachment; filename="test.gif"
Content-Transfer-Encoding: base64

R0lGODlhkAGQAfECAP///wAAAP//AAAAACH5BAAAAAAALAAAAACQAZABAAL+hI+py+0Po5y0
2ouz3rz7D4biSJbmiabqyrbuC8fyTNf2jef6zvf+DwwKh8Si8YhMKpfMpvMJjUqn1Kr1is1q
t9yu9wsOi8fksvmMTqvX7Lb7DY/L5/S6/Y7P6/f8vv8PGCg4SFhoeIiYqLjI2Oj4CBkpOUlZ
aXmJmam5ydnp+QkaKjpKWmp6ipqqusra6voKGys7S1tre4ubq7vL2+v7CxwsPExcbHyMnKy8
zNzs/AwdLT1NXW19jZ2tvc3d7f0NHi4+Tl5ufo6err7O3u7+Dh8vP09fb3+Pn6+/z9/v/w8w
oMCBBAsaPIgwocIgARo2VOAwokQAEh8eiLhiYoL+ijI0IqgIkmM6jx8DXHRY0iRElRkxrqxB
8mTKl+pcbmRJ0eJJnAZ4qrBZ0gZQmUEhrouZ8+ZNnz5TINU54ylPqBePmkRZdKfSrCweYiVK
wyvVsU3ZWfyadOZOnGVRnIVKNcZbtlOZmmUJlylduDB05hWKl+5WsCMDB16JN63iFn4bA9ba
sy7Iu2rjYhWrsq3bvZEfQyY7WFtIm2SvNkWZ+Szi0RBGfy2t2HVcCbIPzwS9MSXrbZZNL/A4
lLHexR2H4/5IefVvtMG7nkZbfPlxeLOb55QcXTnM59ORF2YAHTLhF7Ove0Yc2ju22uzbu38P
P778+fTrt1+meW35tqf+5WoUkFtUSPUUWW204XcGgGbkBwyDWyhYhoO+SJgFhGRQyAuGV1g4
hoa6eFgFh2KAiAuJU4gYhom2qBgFimCwSAuMT7j4hYyy2NgEjV7gCAuPS+jYhY+uCJkEkFwQ
yQqSRxi5hZKqOFkEk1pAiQqVQ0iZhZWmaBkEllhwSQqYP3h5hZiimNkDmVagCQqbO6hZhZue
yJkDnFTQyQmeN9g5hZ6a+FkDn1IAigmhMwgahaGWKBoDolAwSgmkLzj6hKSSWNoCpU5gCgmn
K2jahKeOiJoCqEyQygiqJ5i6hKqKuFoCq0rAigitI8iahK2G6BoCrkjwSgiwH/h6hLCCGNv+
AbFGIAsIsxsoW4SzfkibAbREUMsHthdYO4S2enhbAbdCgIsHuROIyxCCZqALhLl2uBsBuz/A
Swe9D8jrg71y6NsAvj3wCwfAC/jLg8BuGJwAwTsgzAbDByisg8NqSAwAxDlQjAbFFuOA8Rka
e6xuGRvf0PGCCYKszMcmp3zyysmoHGHIZIwslMxj0AyTzWLgHJbOYfAclc9gAN2R0F8QLZfR
XiDdl9JdME2e01xA7ULJMa+L8sstX6011i4jA/OFUj+YNdhbi82y11ybrTbaXYtc9jFhdzi2
FlQzVneFcRsz94h5Y3F3V39vuHcxfac4uBWBZ5R4iIUTc/iLjVP+sfhPk5/4+DCR13i5FJU7
1XmLmQuz+Y6hQ/G5W6fPOHowpQe5uhOpn2C12zO33mAEHE22FkOTucregWm3xlx1nGKkoHXt
9ib828RjF2C+OllYnu+/Nc82bdCr9y9OHNpaHfZyUwBddxFD9X2uKtZO9wTF8zUvT7M7YJn7
+AmAf/76749/Q/pH9D/+CXCABCygAQnovwMqcIEMbGABE5g/CB6QfX4jn19iczz5VSok9hue
9lJjHopYDwHza4D5TIgfAy1FhCGUzG5AoEKquEiFTpENVwhUINckDjjhKRj6NmgU8fHNAkBR
3sV+uKn1Na581TsfS0oInrI4iIKII+L+Cbv3xOgtS4q6m9xwroUSCDVxeehpjRevt8UBjSt4
ZvTgzXD3i9cdKXY5guOEztY+573xa+NrWx6zdzs+DtGPFdTjzuzYCzk2iY5MgOIIqCg5QlbR
kD9DZIbwWEhA7nFtfYSbIA2HyUlq8pCfhFwoI0nJoVlyF4qcEiN/tMoPnZJzbiQlJwfpyVuC
UpKoHGUlS6m5WZqulr/UpSl5SctUHi2WuWhlll6pBEeKAJLJDKQxg4nMYSpzacwskTBhR0xV
ApN035xjOJc5TteVc5Hn5GY6c5dNcG7zad28hTO/BM0i1XNF63RlO+n5zjj285n/nNo+a3HP
MuUTCdIMATX+tWlN23Uyon+c6CYlikuKZtKitsToLnPp0WOCtKIZvShJP6pRUXK0mCHF5kg3
WtKOnlSkKe3lSsV5TXLG05zzNGhA77hTdvaUbD9N5EDxWVCi5lSdQfXnUO120BgdVaFJhWpR
L9lUgj5Vb1dl5VTXtNAlRXUWCQVrVbm6VHi+VKUxZelMXVrTat4UnWkVaFaRulXAjfVGX41T
WI3QUBim0D6ELaxhD4vYxMJnIYwNEu92J5IchoV3C3ssDdHxmsbk5TmTNYwPPSue8ZhjOky0
y2TTQ7K6oJaF39EiccKjp/pVNoiiZS1mSdudMf7kigJSbW3v0sT3sQUwut1OcE3+a5Xj6oZ7
vfWU8nhbDjW+BoMcMyJxjUdZ4GK3M5dxYnGb+8XfVuOyy0VPajKzGg5WgLy9y6F6OcBeyd7Q
tvHlDWxJ08PUfre5831oH7ijHfnmrIwck858zRJFA6tlwDQp8HIObNvocpbAnUntg4944QrT
9hybReFqs1MgHy5Yw6EdbXY3XJXqRta7+K1vY18M4xjLeMY0rrGNb4zjHOt4xzzusY9/DOQg
C3nIRC6ykY+M5CQreclMbrKTnwzlKEt5ylSuspWvjOUsa3nLXO6yl78M5jCLecxkLrOZz4zm
NKt5zWxus5vfDOc4y3nOdK6zne+M5zzrec987rOf/wwg6EALetCELrShD43oRCt60YxutKMf
DelIS3rSlF50AQAAOw==















--5vNYLRcllDrimb99--

From cristy@mystic.es.dupont.com Wed Jun 14 18:05 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id SAA28005
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 18:04:59 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id SAA12271
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 18:04:58 +0200
Received: from gatekeeper.es.dupont.com(192.26.233.2) by ns.ATComputing.nl via smap (V2.1)
	id xma012267; Wed, 14 Jun 00 18:04:36 +0200
Received: from mystic.es.dupont.com (mystic.es.dupont.com [138.196.253.24])
	by gatekeeper.es.dupont.com (8.9.3/8.9.3) with ESMTP id MAA26846
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 12:04:35 -0400 (EDT)
Received: (from cristy@localhost)
	by mystic.es.dupont.com (8.10.0.Beta12/8.10.0.Beta12) id e5EGYfI19547
	for markov@ATComputing.nl; Wed, 14 Jun 2000 12:34:41 -0400 (EDT)
Date: Wed, 14 Jun 2000 12:34:41 -0400 (EDT)
From: Cristy <cristy@mystic.es.dupont.com>
Message-Id: <200006141634.e5EGYfI19547@mystic.es.dupont.com>
To: markov@ATComputing.nl
Subject: Re: your mail
Content-Type: text
Status: RO
X-Status: A
Content-Length: 670
Lines: 14

> It what you propose a feature or a designed thing?  You specify the
> coordinate of the right-top (NorthEast) wrt to the right-bottom
> (SouthEast).  I expect that x=0,y=0,SouthWest will work wrt to
> NorthWest.  It is not logical for me to treat North/South differently
> from East/West (designed before the fall of the Iron curtain?)

I'll send you a script that illustrates how gravity works.  The x,y
offset basically creates a bounding box within the image and the text
is placed relative to the virtual bounding box.

> And also: the text still appears in black.

Are you using ImageMagick 5.2.0?  When I used the script I sent the
text color was indeed yellow.

From cristy@eplrx7.es.dupont.com Wed Jun 14 18:05 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id SAA28006
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 18:04:59 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id SAA12272
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 18:04:58 +0200
Received: from gatekeeper.es.dupont.com(192.26.233.2) by ns.ATComputing.nl via smap (V2.1)
	id xma012268; Wed, 14 Jun 00 18:04:47 +0200
Received: from eplrx7.es.dupont.com (eplrx7.es.dupont.com [138.196.252.7])
	by gatekeeper.es.dupont.com (8.9.3/8.9.3) with ESMTP id MAA26850
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 12:04:46 -0400 (EDT)
Received: from fantasia.es.dupont.com (fantasia.es.dupont.com [138.196.253.22])
	by eplrx7.es.dupont.com (8.9.3/8.9.3) with ESMTP id MAA06403
	for <markov@ATComputing.nl>; Wed, 14 Jun 2000 12:04:45 -0400 (EDT)
Received: by fantasia.es.dupont.com (8.9.3+Sun) id MAA01601; Wed, 14 Jun 2000 12:03:33 -0400 (EDT)
From: Cristy <cristy@eplrx7.es.dupont.com>
Date: Wed, 14 Jun 2000 12:03:33 -0400 (EDT)
Message-ID: <1600.960998613@fantasia>
Mime-Version: 1.0
To: markov@ATComputing.nl
Content-Type: multipart/mixed; boundary="-"
Status: RO
Content-Length: 2023
Lines: 49

This is a MIME encoded message.  Decode it with "munpack"
or any other MIME reading software.  Mpack/munpack is available
via anonymous FTP in ftp.andrew.cmu.edu:pub/mpack/
---
Content-Type: application/octet-stream; name="gravity.pl"
Content-Transfer-Encoding: base64
Content-Disposition: inline; filename="gravity.pl"
Content-MD5: faVMCotdBUpHJCDAv7HACA==

IyEvdXNyL2xvY2FsL2Jpbi9wZXJsCgp1c2UgSW1hZ2U6Ok1hZ2ljazsKCiRwaWMgPSBJbWFn
ZTo6TWFnaWNrLT5uZXcoc2l6ZT0+IjQwMHg0MDAiKTsKJHBpYy0+UmVhZCgieGM6d2hpdGUi
KTsKCiR4ID0gMTAwOwokeSA9IDEwMDsKJHBpYy0+RHJhdyhwcmltaXRpdmU9PidsaW5lJyxw
b2ludHM9PiIyMDAsMTAwIDIwMCwzMDAiLHN0cm9rZT0+J2JsYWNrJyk7CiRwaWMtPkRyYXco
cHJpbWl0aXZlPT4nbGluZScscG9pbnRzPT4iMTAwLDIwMCAzMDAsMjAwIixzdHJva2U9Pidi
bGFjaycpOwokcGljLT5EcmF3KHByaW1pdGl2ZT0+J3JlY3RhbmdsZScscG9pbnRzPT4iMTAw
LDEwMCAzMDAsMzAwIixzdHJva2U9PidibGFjaycpOwokcGljLT5Bbm5vdGF0ZShwb2ludHNp
emU9PjI0LGZvbnQ9PidUaW1lcycsdGV4dD0+Ii1OVy0iLGdyYXZpdHk9PiJOb3J0aFdlc3Qi
LHg9PiR4LHk9PiR5KTsKJHBpYy0+QW5ub3RhdGUocG9pbnRzaXplPT4yNCxmb250PT4nVGlt
ZXMnLHRleHQ9PiItTi0iLGdyYXZpdHk9PiJOb3J0aCIseD0+JHgseT0+JHkpOwokcGljLT5B
bm5vdGF0ZShwb2ludHNpemU9PjI0LGZvbnQ9PidUaW1lcycsdGV4dD0+Ii1ORS0iLGdyYXZp
dHk9PiJOb3J0aEVhc3QiLHg9PiR4LHk9PiR5KTsKJHBpYy0+QW5ub3RhdGUocG9pbnRzaXpl
PT4yNCxmb250PT4nVGltZXMnLHRleHQ9PiItRS0iLGdyYXZpdHk9PiJFYXN0Iix4PT4keCx5
PT4keSk7CiRwaWMtPkFubm90YXRlKHBvaW50c2l6ZT0+MjQsZm9udD0+J1RpbWVzJyx0ZXh0
PT4iLUMtIixncmF2aXR5PT4iQ2VudGVyIix4PT4keCx5PT4keSk7CiRwaWMtPkFubm90YXRl
KHBvaW50c2l6ZT0+MjQsZm9udD0+J1RpbWVzJyx0ZXh0PT4iLVNFLSIsZ3Jhdml0eT0+IlNv
dXRoRWFzdCIseD0+JHgseT0+JHkpOwokcGljLT5Bbm5vdGF0ZShwb2ludHNpemU9PjI0LGZv
bnQ9PidUaW1lcycsdGV4dD0+Ii1TLSIsZ3Jhdml0eT0+IlNvdXRoIix4PT4keCx5PT4keSk7
CiRwaWMtPkFubm90YXRlKHBvaW50c2l6ZT0+MjQsZm9udD0+J1RpbWVzJyx0ZXh0PT4iLVNX
LSIsZ3Jhdml0eT0+IlNvdXRoV2VzdCIseD0+JHgseT0+JHkpOwokcGljLT5Bbm5vdGF0ZShw
b2ludHNpemU9PjI0LGZvbnQ9PidUaW1lcycsdGV4dD0+Ii1XLSIsZ3Jhdml0eT0+Ildlc3Qi
LHg9PiR4LHk9PiR5KTsKCiRwaWMtPldyaXRlKGZpbGVuYW1lPT4idGVzdC5naWYiKTsKc3lz
dGVtKCJkaXNwbGF5IHRlc3QuZ2lmIik7Cg==















-----

From magick-owner@unca-don.wizards.dupont.com Thu Jun 29 18:01 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id SAA10314
	for <markov@ATComputing.nl>; Thu, 29 Jun 2000 18:01:15 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id SAA00740
	for <markov@ATComputing.nl>; Thu, 29 Jun 2000 18:01:14 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma000732; Thu, 29 Jun 00 18:01:07 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id MAA07078;
	Thu, 29 Jun 2000 12:00:36 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id LAA10740
	for magick-outgoing; Thu, 29 Jun 2000 11:48:25 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <395B7519.F40670B@northrim.net>
Date: Thu, 29 Jun 2000 10:11:05 -0600
From: Karl Sloth <karl@northrim.net>
X-Mailer: Mozilla 4.72 [en] (X11; I; Linux 2.2.14 i586)
X-Accept-Language: en
MIME-Version: 1.0
To: magick@wizards.dupont.com
Subject: mailing list archives
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Karl Sloth <karl@northrim.net>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 552
Lines: 17

Hi all-

The folks at The Aims Group have added the ImageMagick mailing list to
their online mailing list archives. They have a searchable history going
back to 1996.  Very handy.

http://marc.theaimsgroup.com/?l=imagemagick&r=1&w=2

-karl

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From markov@ATComputing.nl Tue Jul  4 12:33:47 2000
Date: Tue, 4 Jul 2000 12:33:47 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: magick-bugs@simple.dallas.tx.us
Subject: Re: Annotate problems (PR#298)
Message-ID: <20000704123347.F2009@atcmpg.ATComputing.nl>
References: <200006141454.JAA14556@ns.simplesystems.org>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <200006141454.JAA14556@ns.simplesystems.org>; from magick-bugs@simple.dallas.tx.us on Wed, Jun 14, 2000 at 09:54:08AM -0500
Status: RO
Content-Length: 573
Lines: 12

* magick-bugs@simple.dallas.tx.us (magick-bugs@simple.dallas.tx.us) [000614 16:54]:
> Your bug report is available on the web at the URL
> http://www.simplesystems.org/ImageMagick/bugs?findid=298    

Both indicated problems are fixed in 5.2.1
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From magick-owner@unca-don.wizards.dupont.com Sun Jul  2 02:40 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id CAA01634
	for <markov@ATComputing.nl>; Sun, 2 Jul 2000 02:40:25 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id CAA03454
	for <markov@ATComputing.nl>; Sun, 2 Jul 2000 02:40:24 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma003450; Sun, 2 Jul 00 02:40:07 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id UAA32165;
	Sat, 1 Jul 2000 20:39:55 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id UAA16952
	for magick-outgoing; Sat, 1 Jul 2000 20:30:03 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <395E8F1F.B804FCB7@interak.com>
Date: Sat, 01 Jul 2000 16:38:55 -0800
From: Marc Grober <marc@interak.com>
X-Mailer: Mozilla 4.61 [en] (X11; I; UnixWare 5 i386)
MIME-Version: 1.0
To: magick@wizards.dupont.com
Subject: delegates.mgk set-up for unixware printing
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Marc Grober <marc@interak.com>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 1403
Lines: 45

Under unixware to print from displayt to an HP laserjet (usual command
to print postscript being
lp -dhpraw -Tpostscript),  I changed the delegates.mgk file (which I
found in /usr/local/share/Magick as installed from the SCO skunkware CD)

from

ps<=print
       /usr/bin/lp -c -s %i

to

ps<=print
        /usr/bin/lp -dhpraw -c -s -Tpostscript %i

and  it appears everything is working.  The -c make an immediate copy
and feeds it to the spooler and without it you get an error message
(below) which my guess is is a bit misleading in that I have to assume
that what is really happening is that without the -c IM is not passing
anything to the spooler........

******************************************************************************

Subject: Status of lp request hpraw-347

        Your request hpraw-347 destined for hpraw
        encountered an error during filtering.

        Reason for failure:

        UX:lp:   ERROR: Cannot read the file "/tmp/hacienda.jpg".
        TO FIX: See if it still exists and is readable, or
                consult your system administrator.





***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Mon Jul  3 16:12 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id QAA28389
	for <markov@ATComputing.nl>; Mon, 3 Jul 2000 16:12:41 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id QAA05092
	for <markov@ATComputing.nl>; Mon, 3 Jul 2000 16:12:40 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma005088; Mon, 3 Jul 00 16:12:32 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id KAA12560;
	Mon, 3 Jul 2000 10:12:03 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id KAA20768
	for magick-outgoing; Mon, 3 Jul 2000 10:01:07 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <395BACF9.CFA6970@interak.com>
Date: Thu, 29 Jun 2000 12:09:30 -0800
From: Marc Grober <marc@interak.com>
X-Mailer: Mozilla 4.61 [en] (X11; I; UnixWare 5 i386)
MIME-Version: 1.0
To: magick@wizards.dupont.com
Subject: printing solution for UW 7.1
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Marc Grober <marc@interak.com>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 1500
Lines: 46

Under unixware to print from displayt to an HP laserjet (usual command
to print postscript being
lp -dhpraw -Tpostscript),  I changed the delegates.mgk file (which I
found in /usr/local/share/Magick as installed from the SCO skunkware CD)
from

ps<=print
       /usr/bin/lp -c -s %i

to

ps<=print
        /usr/bin/lp -dhpraw -c -s -Tpostscript %i

and  it appears everything is working.  The -c make an immediate copy
and feeds it to the spooler and without it you get an error message
(below) which my guess is is a bit misleading in that I have to assume
that what is really happening is that without the -c IM is not passing
anything to the spooler........

******************************************************************************

Subject: Status of lp request hpraw-347

        Your request hpraw-347 destined for hpraw
        encountered an error during filtering.

        Reason for failure:

        UX:lp:   ERROR: Cannot read the file "/tmp/hacienda.jpg".
        TO FIX: See if it still exists and is readable, or
                consult your system administrator.


I have tried this with jpegs, gifs etc and in quite a number of
locations
Placed the -c -s back in


***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Fri Jul  7 09:27 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id JAA27505
	for <markov@ATComputing.nl>; Fri, 7 Jul 2000 09:27:32 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id JAA11016
	for <markov@ATComputing.nl>; Fri, 7 Jul 2000 09:27:31 +0200
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma011014; Fri, 7 Jul 00 09:27:21 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id DAA06530;
	Fri, 7 Jul 2000 03:26:27 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id DAA06369
	for magick-outgoing; Fri, 7 Jul 2000 03:15:15 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Date: Fri, 7 Jul 2000 17:24:12 +1000
From: Martien Verbruggen <mgjv@comdyn.com.au>
To: Geoff Armstrong <geofstro@monaco.mc>
Cc: ImageMagick Mailing List <magick@wizards.dupont.com>
Subject: Re: converts new sharpen factors
Message-ID: <20000707172412.C23320@martien.heliotrope.home>
References: <00070515380200.26142@berlioz>
Mime-Version: 1.0
Content-Disposition: inline
User-Agent: Mutt/1.2.2i
In-Reply-To: <00070515380200.26142@berlioz>; from geofstro@monaco.mc on Wed, Jul 05, 2000 at 03:35:26PM +0200
Organisation: Heliotrope Productions Pty. Ltd.
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Martien Verbruggen <mgjv@comdyn.com.au>
Content-Type: text/plain; charset=us-ascii
Status: RO
Content-Length: 1483
Lines: 36

-- Geoff Armstrong wrote on Wed  5 Jul 15:35 PM --

> Hi,
> 
> I know the sharpen factors for convert have changed since 5.2.0; but I
> can't find the new factors documented anywhere.

The factors are no longer really factors, but orders for a convolution
kernel, if I've understood it all correctly. Since convolution has
become available in ImageMagick, many of the old filters have been
rewritten to use a kernel (blur, sharpen, charcoal, emboss, edge).

The convert manual page mentions that good values are odd numbers
between 3 and 31.

Martien

PS. If you don't know what convolution is: apply a matrix to each pixel,
and it's surrounding neighbors covered by the matrix. The values of each
covered pixel get multiplied by the matrix cell's value, and all added
together. The new value for the target pixel is this sum. The 'order'
that I talked about above is the height and width of the matrix involved
(in ImageMagick they're always square).
-- 
Martien Verbruggen                      |
Interactive Media Division              | "In a world without fences,
Commercial Dynamics Pty. Ltd.           |  who needs Gates?"
NSW, Australia                          |

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@unca-don.wizards.dupont.com Fri Jul  7 17:55 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id RAA13560
	for <markov@ATComputing.nl>; Fri, 7 Jul 2000 17:55:42 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id RAA15121
	for <markov@ATComputing.nl>; Fri, 7 Jul 2000 17:55:42 +0200
Received: from mustang.oldcity.dca.net(216.158.38.3) by ns.ATComputing.nl via smap (V2.1)
	id xma015105; Fri, 7 Jul 00 17:55:27 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by mustang.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id LAA24776;
	Fri, 7 Jul 2000 11:54:30 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id LAA07897
	for magick-outgoing; Fri, 7 Jul 2000 11:44:52 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Date: Fri, 7 Jul 2000 12:23:40 -0400 (EDT)
From: Cristy <cristy@mystic.es.dupont.com>
Message-Id: <200007071623.e67GNev10760@mystic.es.dupont.com>
To: magick@wizards.dupont.com
Subject: New ImageMagick mailing list
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Cristy <cristy@mystic.es.dupont.com>
Content-Type: text
Status: RO
Content-Length: 1242
Lines: 31

***********************************************************************
This list is being decommissioned.  Please join one or more of the new
ImageMagick mailing lists as described at
http://www.imagemagick.org/www/magick-list.html.
***********************************************************************

In response to a number of suggestions and/or complaints about the 
magick@wizards.dupont.com ImageMagick mailing list, I have created three
new lists:

    magick-user@imagemagick.org
    magick-deveoper@imagemagick.org
    magick-announce@imagemagick.org

See

    http://www.imagemagick.org/www/magick-list.html

for instructions on joining and/or posting.  I will keep the current
list at magick@wizards.dupont.com running for the next couple of months
to cause the least amount of disruption.  At your convenience
unsubscribe from magick@wizards.dupont.com and choose one of the lists
above, whichever is appropriate.

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From markov@ATComputing.nl Sat Jul  8 10:27:08 2000
Date: Sat, 8 Jul 2000 10:27:08 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: majordomo@imagemagick.org
Subject: subscribe
Message-ID: <20000708102708.B1570@atcmpg.ATComputing.nl>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
Status: RO
Content-Length: 27
Lines: 1

subscribe magick-developer

From markov@ATComputing.nl Sat Jul  8 13:53:18 2000
Date: Sat, 8 Jul 2000 13:53:18 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Majordomo@imagemagick.org
Subject: Re: Confirmation for subscribe magick-developer
Message-ID: <20000708135318.A2549@atcmpg.ATComputing.nl>
References: <200007080855.EAA15589@imagemagick.org>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <200007080855.EAA15589@imagemagick.org>; from Majordomo@imagemagick.org on Sat, Jul 08, 2000 at 04:55:40AM -0400
Status: RO
Content-Length: 63
Lines: 1

auth 44b84310 subscribe magick-developer markov@ATComputing.nl

From Majordomo-Owner@imagemagick.org Sat Jul  8 10:27 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id KAA01750
	for <markov@ATComputing.nl>; Sat, 8 Jul 2000 10:27:39 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id KAA25253
	for <markov@ATComputing.nl>; Sat, 8 Jul 2000 10:27:38 +0200
Received: from magick.imagemagick.org(38.220.172.2) by ns.ATComputing.nl via smap (V2.1)
	id xma025238; Sat, 8 Jul 00 10:27:26 +0200
Received: (from majordomo@localhost)
	by imagemagick.org (8.9.3/8.9.3) id EAA15589;
	Sat, 8 Jul 2000 04:55:40 -0400
Date: Sat, 8 Jul 2000 04:55:40 -0400
Message-Id: <200007080855.EAA15589@imagemagick.org>
X-Authentication-Warning: magick.imagemagick.org: majordomo set sender to Majordomo-Owner@imagemagick.org using -f
To: markov@ATComputing.nl
From: Majordomo@imagemagick.org
Subject: Confirmation for subscribe magick-developer
Reply-To: Majordomo@imagemagick.org
Content-Type: text
Status: RO
X-Status: A
Content-Length: 822
Lines: 25

--

Someone (possibly you) has requested that your email address be added
to or deleted from the mailing list "magick-developer@imagemagick.org".

If you really want this action to be taken, please send the following
commands (exactly as shown) back to "Majordomo@imagemagick.org":

	auth 44b84310 subscribe magick-developer markov@ATComputing.nl

If you do not want this action to be taken, simply ignore this message
and the request will be disregarded.

If your mailer will not allow you to send the entire command as a single
line, you may split it using backslashes, like so:

        auth 44b84310 subscribe magick-developer \
        markov@ATComputing.nl

If you have any questions about the policy of the list owner, please
contact "magick-developer-approval@imagemagick.org".

Thanks!

Majordomo@imagemagick.org

From owner-magick@imagemagick.org Sat Jul  8 13:53 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id NAA02564
	for <markov@ATComputing.nl>; Sat, 8 Jul 2000 13:53:33 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id NAA00576
	for <markov@ATComputing.nl>; Sat, 8 Jul 2000 13:53:28 +0200
Received: from magick.imagemagick.org(38.220.172.2) by ns.ATComputing.nl via smap (V2.1)
	id xma000568; Sat, 8 Jul 00 13:53:23 +0200
Received: (from majordomo@localhost)
	by imagemagick.org (8.9.3/8.9.3) id IAA16219;
	Sat, 8 Jul 2000 08:21:42 -0400
Date: Sat, 8 Jul 2000 08:21:42 -0400
Message-Id: <200007081221.IAA16219@imagemagick.org>
X-Authentication-Warning: magick.imagemagick.org: majordomo set sender to owner-magick@imagemagick.org using -f
To: markov@ATComputing.nl
From: Majordomo@imagemagick.org
Subject: Welcome to magick-developer
Reply-To: Majordomo@imagemagick.org
Content-Type: text
Status: RO
Content-Length: 11286
Lines: 274

--

Welcome to the magick-developer mailing list!

Please save this message for future reference.  Thank you.

If you ever want to remove yourself from this mailing list,
you can send mail to <Majordomo@imagemagick.org> with the following
command in the body of your email message:

    unsubscribe magick-developer

or from another account, besides markov@ATComputing.nl:

    unsubscribe magick-developer markov@ATComputing.nl

If you ever need to get in contact with the owner of the list,
(if you have trouble unsubscribing, or have questions about the
list itself) send email to <owner-magick-developer@imagemagick.org> .
This is the general rule for most mailing lists when you need
to contact a human.

 Here's the general information for the list you've subscribed to,
 in case you don't already have it:

The ImageMagick mailing list (magick@wizards.dupont.com) is a low noise
and subject oriented mailing list.  The subject is the discussion of
ImageMagick software and its use.  Although the list is unmoderated, do
not post off-topic messages to the list.  Off-topic messages will
result in the offender being silently removed from the list and
prevented from rejoining.

Please follow these guidelines when posting or responding to posted
messages:

  1. postings must be related to ImageMagick, PerlMagick, CineMagick,
     or WebMagick.  Here is an example of what not to post:

       Does anyone know of a program that converts WWF to JPG on the
       Mac?

     Post these to comp.graphics instead.

  2. postings should be concise but provide enough detail for readers to
     discern what the problem is and respond with a solution.  Here is
     an example of what not to post:

       I downloaded ImageMagick and it doesn't work.  What's up?

     Yes, I have seen these messages.  More detail is needed for a
     proper response.

  3. responses should be sent to the author, and not the list, if the
     response is not of general interest.  For example,

       I'm converting libMagick to a C++ class library.  Anyone want to
       help?

     Discuss this privately with the author and make a general
     announcement when you complete your work.

  4. Only relevant portions of a message should be quoted.  Do not
     quote the entire message, for example, and give a one line
     response.

  5. Do not post administriva messages such as "How do I unsubscribe
     from the list?"  Instead, see

	 http://www.imagemagick.org/www/magick-list.html

     for help.

  6. Do not post test messages to the list.

An archive of all messages posted to the mailing list is available to peruse.
See

    ftp://ftp.wizards.dupont.com/pub/ImageMagick/mailing-list

You can also browse or search the archive.  See

    http://marc.theaimsgroup.com/?l=imagemagick&r=1&w=2


* * *

ImageMagick is a robust collection of tools and libraries to read,
write, and manipulate an image in many image formats (over 68 major
formats) including popular formats like TIFF, JPEG, PNG, PDF, Photo CD,
and GIF. With ImageMagick you can create images dynamically, making it
suitable for Web applications. You can also resize, rotate, sharpen,
color reduce, or add special effects to an image and save your completed
work in the same or differing image format. Image processing operations
are available from the command line, as well as through C, C++, and
PERL-based programming interfaces.

Here is just a few examples of what ImageMagick can do:

    Convert an image from one format to another (e.g. TIFF to GIF) 
    Resize, rotate, sharpen, color reduce, or add special effects to an image 
    Create a montage of image tumbnails 
    Create a transparent image suitable for use on the Web 
    Turn a group of images into a GIF animation sequence 
    Create a composite image by combining several separate images 
    Draw shapes or text on an image 
    Decorate an image with a border or frame 
    Describe the format and characteristics of an image 

You can access ImageMagick functions directly from the command line
using the ImageMagick tools convert, mogrify, montage, combine, or
identify. Use the display program to interactively manipulate your
images or animate an image sequence from a graphical panel. Finally
you have access to the various image manipulation methods directly
from your favorite application development environment: Perl, C++, C,
or Java. These programs and much more are explained by following the
links from this page or read the ImageMagick Users Guide.

ImageMagick is known to compile and run on virtually any Unix. system and
Linux. It also runs under Windows 2000, Windows 95/98, Macintosh, VMS,
and OS2. See the install guide for compiling instructions. Pre-compiled
binaries are available for some of the more popular operating systems.

The offical ImageMagick web page is:
 
    http://ww.imagemagick.org/

ImageMagick is available via ftp as

    ftp://ftp.wizards.dupont.com/pub/ImageMagick

Other versions are available as

    ftp://ftp.wizards.dupont.com/pub/ImageMagick/binaries
    ftp://ftp.wizards.dupont.com/pub/ImageMagick/mac
    ftp://ftp.wizards.dupont.com/pub/ImageMagick/nt
    ftp://ftp.wizards.dupont.com/pub/ImageMagick/vms
    ftp://ftp.wizards.dupont.com/pub/ImageMagick/linux

* * * * * * * * *

ImageMagick Tools

  display
     Display is a machine architecture independent image and display
     program.  It can display an image on any workstation display
     running an X server.  Display can read and write many of the more
     popular image formats (e.g.  JPEG, TIFF, PNM, Photo CD, etc.).
     You can perform these functions on the image:

         o load an image from a file
         o display the next image
         o display the former image
         o display a sequence of images as a slide show
         o write the image to a file
         o print the image to a Postscript printer
         o delete the image file
         o create a Visual Image Directory
         o select the image to display by its thumbnail rather than name
         o undo last image transformation
         o copy a region of the image
         o paste a region to the image
         o restore the image to its original size
         o refresh the image
         o half the image size
         o double the image size
         o resize the image
         o crop the image
         o cut the image
         o flop image in the horizontal direction
         o flip image in the vertical direction
         o rotate the image 90 degrees clockwise
         o rotate the image 90 degrees counter-clockwise
         o rotate the image
         o shear the image
         o trim the image edges
         o invert the colors of the image
         o vary the color brightness
         o vary the color saturation
         o vary the image hue
         o gamma correct the image
         o sharpen the image contrast
         o dull the image contrast
         o perform histogram equalization on the image
         o perform histogram normalization on the image
         o negate the image colors
         o convert the image to grayscale
         o set the maximum number of unique colors in the image
         o reduce the speckles within an image
         o eliminate peak noise from an image
         o detect edges within the image
         o emboss an image
         o oil paint an image
         o segment the image by color
         o annotate the image with text
         o draw on the image
         o edit an image pixel color
         o edit the image matte information
         o composite an image with another
         o add a border to the image
         o add an image comment
         o apply image processing techniques to a region of interest
         o display information about the image
         o display information about this program
         o display image to background of a window
         o set user preferences
         o discard all images and exit program
         o change the level of magnification
         o display images specified by a World Wide Web (WWW)
           uniform resource locator (URL)

  import
     Import reads an image from any visible window on an X server and
     outputs it as an image file.  You can capture a single window, the
     entire screen, or any rectangular portion of the screen.  You can
     use display (see display(1)) utility for redisplay, printing,
     editing, formatting, archiving, image processing, etc.  of the
     captured image.

     The target window can be specified by id, name, or may be selected
     by clicking the mouse in the desired window.  If you press a
     button and then drag, a rectangle will form which expands and
     contracts as the mouse moves.  To save the portion of the screen
     defined by the rectangle, just release the button.  The keyboard
     bell is rung once at the beginning of the screen capture and twice
     when it completes.

  animate
     Animate displays a sequence of images on any workstation display
     running an X server.  Animate first determines the hardware
     capabilities of the workstation.  If the number of unique colors
     in an image is less than or equal to the number the workstation
     can support, the image is displayed in an X window.  Otherwise the
     number of colors in the image is first reduced to match the color
     resolution of the workstation before it is displayed.

     This means that a continuous-tone 24 bits/pixel image can display
     on a 8 bit pseudo-color device or monochrome device.  In most
     instances the reduced color image closely resembles the original.
     Alternatively, a monochrome or pseudo-color image sequence can
     display on a continuous-tone 24 bits/pixels device.

  montage
     Montage creates a composite image by combining several separate
     images.  The images are tiled on the composite image with the name
     of the image optionally appearing just below the individual tile.

  convert
     Convert converts an input file using one image format to an output
     file with a differing image format. By default, the image format
     is determined by it's magic number. To specify a particular image
     format, precede the filename with an image format name and a colon
     (i.e.  ps:image) or specify the image type as the filename suffix
     (i.e. image.ps).  Specify file as - for standard input or output.
     If file has the extension .Z, the file is decoded with
     uncompress.

  mogrify
     Mogrify transforms an image or a sequence of images.  These
     transforms include image scaling, image rotation, color reduction,
     and others.  The transmogrified image overwrites the original
     image.

  identify
     describes the format and characteristics of one or more image
     files.  It will also report if an image is incomplete or corrupt.
     The information displayed includes the scene number, the file
     name, the width and height of the image, whether the image is
     colormapped or not, the number of colors in the image, the number
     of bytes in the image, the format of the image (JPEG, PNM, etc.),
     and finally the number of seconds it took to read and process the
     image.

  combine
     Combine combines images to create new images.

From markov@ATComputing.nl Wed Jul 26 13:32:31 2000
Date: Wed, 26 Jul 2000 13:32:31 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Chris Wareham <chris.wareham@catchword.com>
Subject: Re: core dump in simple ImageMagick example
Message-ID: <20000726133231.G25170@atcmpg.ATComputing.nl>
References: <397C6C6B.989E4BB2@catchword.com>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <397C6C6B.989E4BB2@catchword.com>; from chris.wareham@catchword.com on Mon, Jul 24, 2000 at 05:18:51PM +0100
Status: RO
Content-Length: 2223
Lines: 55

* Chris Wareham (chris.wareham@catchword.com) [000724 18:24]:
> ***********************************************************************
> This list is being decommissioned.  Please join one or more of the new
> ImageMagick mailing lists as described at
> http://www.imagemagick.org/www/magick-list.html.
> ***********************************************************************
> 
> The following snippet of code coew dumps on ReadImage():
> 
>  GetExceptionInfo(&exception);
>  image_info = CloneImageInfo((ImageInfo *)NULL);
> 
>  strcpy(image_info->filename, IMAGEDIR);
>  strcat(image_info->filename, "/");
>  strcat(image_info->filename, filename);
> 
>  image = ReadImage(image_info, &exception);
>  if(image == (Image *)NULL) {
>    log_error("unable to read image '%s'", filename);
>    return;
>  }
> 
> The debugger output is the following:
> 
>  Program received signal SIGSEGV, Segmentation fault.
>  0x403a0058 in _IO_getc (fp=0x67616d69) at getc.c:39
>  39     getc.c: No such file or directory.
>  (gdb) bt
>  #0  0x403a0058 in _IO_getc (fp=0x67616d69) at getc.c:39
>  #1  0x4005eb8d in SetImageInfo () from /usr/local/lib/libMagick.so.5
>  #2  0x4003c91e in ReadImage () from /usr/local/lib/libMagick.so.5
>  #3  0x80491dd in process_image (dbm=0x804bea0, filename=0x806a157
> "00132aac.tif") at tif2png.c:107
>  #4  0x8048fd3 in convert_images (args=0xbffff9f4) at tif2png.c:55
>  #5  0x8048e6c in main (argc=1, argv=0xbffff9f4) at tif2png.c:21

I have the same problem using PerlMagick 5.2.2 calling ReadImage.
However, it is only reproduceable when this statement is included in
my huge Perl program with a small IM part, not is a smaller sample
as you have.

I run Solaris 2.5.1 and all newest image-libs attached.

Did you get any useful reply which fixed your problem.
Didi you know there is a bug-list:
http://www.simplesystems.org/ImageMagick/bugs/

Please let me know.
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From magick-owner@unca-don.wizards.dupont.com Mon Jul 24 18:24 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id SAA27465
	for <markov@ATComputing.nl>; Mon, 24 Jul 2000 18:24:10 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id SAA20827
	for <markov@ATComputing.nl>; Mon, 24 Jul 2000 18:24:09 +0200
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma020823; Mon, 24 Jul 00 18:23:51 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id MAA20883;
	Mon, 24 Jul 2000 12:23:50 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id MAA01738
	for magick-outgoing; Mon, 24 Jul 2000 12:07:32 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-ID: <397C6C6B.989E4BB2@catchword.com>
Date: Mon, 24 Jul 2000 17:18:51 +0100
From: Chris Wareham <chris.wareham@catchword.com>
X-Mailer: Mozilla 4.73 [en] (X11; U; Linux 2.2.17pre13 i686)
X-Accept-Language: en
MIME-Version: 1.0
To: magick@wizards.dupont.com
Subject: core dump in simple ImageMagick example
Content-Transfer-Encoding: 7bit
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Chris Wareham <chris.wareham@catchword.com>
Content-Type: text/plain; charset=us-ascii
Status: RO
X-Status: A
Content-Length: 1736
Lines: 47

***********************************************************************
This list is being decommissioned.  Please join one or more of the new
ImageMagick mailing lists as described at
http://www.imagemagick.org/www/magick-list.html.
***********************************************************************

The following snippet of code coew dumps on ReadImage():

 GetExceptionInfo(&exception);
 image_info = CloneImageInfo((ImageInfo *)NULL);

 strcpy(image_info->filename, IMAGEDIR);
 strcat(image_info->filename, "/");
 strcat(image_info->filename, filename);

 image = ReadImage(image_info, &exception);
 if(image == (Image *)NULL) {
   log_error("unable to read image '%s'", filename);
   return;
 }

The debugger output is the following:

 Program received signal SIGSEGV, Segmentation fault.
 0x403a0058 in _IO_getc (fp=0x67616d69) at getc.c:39
 39     getc.c: No such file or directory.
 (gdb) bt
 #0  0x403a0058 in _IO_getc (fp=0x67616d69) at getc.c:39
 #1  0x4005eb8d in SetImageInfo () from /usr/local/lib/libMagick.so.5
 #2  0x4003c91e in ReadImage () from /usr/local/lib/libMagick.so.5
 #3  0x80491dd in process_image (dbm=0x804bea0, filename=0x806a157
"00132aac.tif") at tif2png.c:107
 #4  0x8048fd3 in convert_images (args=0xbffff9f4) at tif2png.c:55
 #5  0x8048e6c in main (argc=1, argv=0xbffff9f4) at tif2png.c:21

image_info->filename points to a valid TIFF image, so
any ideas as to what gives???

Chris

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From markov@ATComputing.nl Wed Jul 26 13:49:09 2000
Date: Wed, 26 Jul 2000 13:49:09 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Chris Wareham <chris.wareham@catchword.com>
Subject: Re: core dump in simple ImageMagick example
Message-ID: <20000726134909.I25170@atcmpg.ATComputing.nl>
References: <397C6C6B.989E4BB2@catchword.com> <20000726133231.G25170@atcmpg.ATComputing.nl> <397ECFEF.598EE285@catchword.com>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <397ECFEF.598EE285@catchword.com>; from chris.wareham@catchword.com on Wed, Jul 26, 2000 at 12:47:59PM +0100
Status: RO
Content-Length: 754
Lines: 16

* Chris Wareham (chris.wareham@catchword.com) [000726 13:46]:
> > I have the same problem using PerlMagick 5.2.2 calling ReadImage.
 
> This solved my problem with a C based ImageMagick client, but
> I don't know whether it is relevant for PerlMagick programs.

So: to install IM, I need to have the libs installed.  To install
the libs, I need IM to be installed for Magic-config....
Ok.  Still strange spot to dump core...
-- 
               MarkOv       %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From chris.wareham@catchword.com Wed Jul 26 13:46 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id NAA29434
	for <markov@ATComputing.nl>; Wed, 26 Jul 2000 13:46:33 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id NAA24001
	for <markov@ATComputing.nl>; Wed, 26 Jul 2000 13:46:32 +0200
Received: from figaro.catchword.co.uk(194.129.29.1) by ns.ATComputing.nl via smap (V2.1)
	id xma023999; Wed, 26 Jul 00 13:46:13 +0200
Received: from catchword.com (valkyrie.catchword.co.uk [194.129.29.105])
	by figaro.catchword.co.uk (8.9.2/8.9.2) with ESMTP id LAA10217
	for <markov@ATComputing.nl>; Wed, 26 Jul 2000 11:49:37 GMT
Sender: cwareham@figaro.catchword.co.uk
Message-ID: <397ECFEF.598EE285@catchword.com>
Date: Wed, 26 Jul 2000 12:47:59 +0100
From: Chris Wareham <chris.wareham@catchword.com>
X-Mailer: Mozilla 4.74 [en] (X11; U; Linux 2.2.17pre13 i686)
X-Accept-Language: en
MIME-Version: 1.0
To: Mark Overmeer <markov@ATComputing.nl>
Subject: Re: core dump in simple ImageMagick example
References: <397C6C6B.989E4BB2@catchword.com> <20000726133231.G25170@atcmpg.ATComputing.nl>
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii
Status: RO
X-Status: A
Content-Length: 882
Lines: 26

Mark Overmeer wrote:
>  
> I have the same problem using PerlMagick 5.2.2 calling ReadImage.
> However, it is only reproduceable when this statement is included in
> my huge Perl program with a small IM part, not is a smaller sample
> as you have.
> 
> I run Solaris 2.5.1 and all newest image-libs attached.
> 
> Did you get any useful reply which fixed your problem.
> Didi you know there is a bug-list:
> http://www.simplesystems.org/ImageMagick/bugs/
> 
> Please let me know.
>

I wasn't passing all the required compiler flags when building
my program. I had looked at the output of Magick-config, and
simply copied the library dependencies into a Makefile. To
successfully build, ImageMagick clients also need the correct
CFLAGS arguments, etc.

This solved my problem with a C based ImageMagick client, but
I don't know whether it is relevant for PerlMagick programs.

Chris

From markov@ATComputing.nl Mon Aug  7 11:38:44 2000
Date: Mon, 7 Aug 2000 11:38:44 +0200
From: Mark Overmeer <markov@ATComputing.nl>
To: Bryan Burchette <blburch@mindspring.com>
Subject: Re: Core Dump on ReadImage
Message-ID: <20000807113844.A22119@atcmpg.ATComputing.nl>
References: <4.3.1.0.20000801154753.00ae3ed0@mindspring.com>
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii
X-Mailer: Mutt 1.0pre4i
In-Reply-To: <4.3.1.0.20000801154753.00ae3ed0@mindspring.com>; from blburch@mindspring.com on Tue, Aug 01, 2000 at 03:54:42PM -0400
Status: RO
Content-Length: 1041
Lines: 24


(I was away for holidays last week, so not able to response earlier)

* Bryan Burchette (blburch@mindspring.com) [000801 22:37]:
> I am using ImageMagick 5.2.2 and for testing puposes I am using the little 
> test program on the website under the API section. No matter what I do, the 
> program cores on ReadImage().

> Current function is main
>     33     image=ReadImage(image_info,&exception);

I located the problem in the getc() of ReadImage using PerlMagick.  I did
not succeed in creating a reduced sized example for my program which
reproduces the problem, so I'm glad I'm not the only one with this problem.

Is there are more clarity on the cause of the crash?  Any response from the
developers?
-- 
               Mark Overmeer   %-]

------------------------------------------------------------------------
drs Mark A.C.J. Overmeer                           markov@ATComputing.nl
AT Computing, UNIX Training and Consultancy    http://www.ATComputing.nl
http://www.dhp.nl/~markov/                         http://satfoto.dhp.nl

From magick-owner@unca-don.wizards.dupont.com Tue Aug  1 22:37 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id WAA14913
	for <markov@ATComputing.nl>; Tue, 1 Aug 2000 22:37:13 +0200 (MET DST)
Received: (from nobody@localhost)
	by ns.ATComputing.nl (8.8.8/8.8.8) id WAA04892
	for <markov@ATComputing.nl>; Tue, 1 Aug 2000 22:37:12 +0200
Received: from viper.oldcity.dca.net(216.158.38.4) by ns.ATComputing.nl via smap (V2.1)
	id xma004890; Tue, 1 Aug 00 22:37:04 +0200
Received: from unca-don.wizards.dupont.com ([204.183.81.133])
	by viper.oldcity.dca.net (8.9.3/8.9.3/DCANET) with ESMTP id QAA28454;
	Tue, 1 Aug 2000 16:36:07 -0400
Received: (from majordomo@localhost)
	by unca-don.wizards.dupont.com (8.9.3/8.9.3) id PAA24962
	for magick-outgoing; Tue, 1 Aug 2000 15:46:55 -0400 (EDT)
X-Authentication-Warning: unca-don.wizards.dupont.com: majordomo set sender to owner-magick@wizards.dupont.com using -f
Message-Id: <4.3.1.0.20000801154753.00ae3ed0@mindspring.com>
X-Sender: blburch@mindspring.com
X-Mailer: QUALCOMM Windows Eudora Version 4.3.1
Date: Tue, 01 Aug 2000 15:54:42 -0400
To: magick@wizards.dupont.com
From: Bryan Burchette <blburch@mindspring.com>
Subject: Core Dump on ReadImage
Mime-Version: 1.0
Sender: owner-magick@wizards.dupont.com
Precedence: bulk
Reply-To: Bryan Burchette <blburch@mindspring.com>
Content-Type: text/plain; charset="us-ascii"; format=flowed
Status: RO
X-Status: A
Content-Length: 2042
Lines: 55

***********************************************************************
This list is being decommissioned.  Please join one or more of the new
ImageMagick mailing lists as described at
http://www.imagemagick.org/www/magick-list.html.
***********************************************************************

Hey List,
    This has me stumped! Maybe I am just missing something really obvious. 
I am using ImageMagick 5.2.2 and for testing puposes I am using the little 
test program on the website under the API section. No matter what I do, the 
program cores on ReadImage().

This is the program I am using to test:
http://www.wizards.dupont.com/cristy/www/api.html

I have pointed the MagickIncarnate() function to the appropriate directory 
on my box.

Does anybody have any ideas?? What could I be doing wrong.

Here is my ouput from DBX
(dbx) step
stopped in main at line 29 in file "test.c"
    29     GetExceptionInfo(&exception);
(dbx) where
=>[1] main(argc = 1, argv = 0xeffff3c4 "\xef\xff\xf5^H"), line 29 in "test.c"
(dbx) step
stopped in main at line 30 in file "test.c"
    30     image_info=CloneImageInfo((ImageInfo *) NULL);
(dbx) step
stopped in main at line 31 in file "test.c"
    31     (void) strcpy(image_info->filename,"test.jpg");
(dbx) step
stopped in main at line 32 in file "test.c"
    32     printf("iamge_info->filename is %s\n",image_info->filename);
(dbx) step
iamge_info->filename is test.jpg
stopped in main at line 33 in file "test.c"
    33     image=ReadImage(image_info,&exception);
(dbx) step
signal SEGV (no mapping at the fault address) in getc at 0xef267b24
0xef267b24: getc+0x0024:        ld      [%i0], %o0
Current function is main
    33     image=ReadImage(image_info,&exception);




***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@wizards.dupont.com

Include the following command in the body of your message:
	unsubscribe magick
***********************************************************************

From magick-owner@imagemagick.org Wed Oct  4 19:56 MET 2000
Received: from ns.ATComputing.nl (ns.ATComputing.nl [195.108.229.25])
	by atcmpg.ATComputing.nl (8.9.0/8.9.0) with ESMTP id TAA26427
	for <markov@ATComputing.nl>; Wed, 4 Oct 2000 19:56:00 +0200 (MET DST)
Received: from imagemagick.org (magick.imagemagick.org [38.220.172.2])
	by ns.ATComputing.nl (Postfix) with ESMTP id 84B2DED32
	for <markov@ATComputing.nl>; Wed,  4 Oct 2000 19:55:58 +0200 (CEST)
Received: (from majordomo@localhost)
	by imagemagick.org (8.11.0.Beta3/8.9.3) id e94IMj420302
	for magick-developer-outgoing; Wed, 4 Oct 2000 14:22:45 -0400
X-Authentication-Warning: magick.imagemagick.org: majordomo set sender to owner-magick@imagemagick.org using -f
From: cristy@mystic.es.dupont.com
Date: Wed, 4 Oct 2000 14:22:35 -0400 (EDT)
Message-Id: <200010041822.e94IMZr19712@mystic.es.dupont.com>
To: magick-developer@imagemagick.org
Subject: Font metrics
Sender: owner-magick@imagemagick.org
Precedence: bulk
Reply-To: cristy@mystic.es.dupont.com
Content-Type: text
Status: RO
Content-Length: 1620
Lines: 32

The problem with general font metrics in ImageMagick is that there are
four schemes for obtaining fonts FreeType 1, FreeType 2,
Postscript/Ghostscript fonts, and X11 fonts.  Freetype returns plenty
of information associated with font metrics.  I know of no way to get
the font metrics from Ghostscript and X11 fonts returns metrics but
they do not exactly match the information returned by Freetype.
Layered on top of that is the fonts can be manipulated with an affine
matrix with varying results for the different font schemes.  Currently
I write fonts to an image that bounds the font and turn all pixels not
covered by the font lettering to transparent then composite this on top
of the image being annotated.

The only metrics available now are the maximum font height and string
width.  In Perl, for example, use

  $font->Read('label:This is a test');
  ($width,$height)=$font->Get('width','height');

I can certainly include other metric information as well but how to do
this consistently for all font schemes?  Perhaps I could retain the
font metrics for Freetype fonts only?  Or can you think of a few
specific font metrics that would be useful to you that we can get for
FreeType, X11, and Postscript fonts?  What is a minimal set of font
metrics you need to make annotating more useable?

***********************************************************************
To remove yourself from this mailing list, send mail to:
	majordomo@imagemagick.org

Include the following command in the body of your message:
	unsubscribe magick-developer
***********************************************************************

